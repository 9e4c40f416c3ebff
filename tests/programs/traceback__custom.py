# An uncaught custom exception raised from a method, with a message.
class ConfigError(Exception):
    pass
class Config:
    def __init__(self, data):
        self.data = data
    def require(self, key):
        if key not in self.data:
            raise ConfigError(f"missing setting {key!r}")
        return self.data[key]
def start(config):
    print("host:", config.require("host"))
    print("port:", config.require("port"))
start(Config({"host": "localhost"}))
