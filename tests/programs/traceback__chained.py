# An exception raised while handling another: the traceback shows both; the last line is the second.
def load(settings, key):
    try:
        return settings[key]
    except KeyError:
        raise ValueError(f"setting {key} is required")
print(load({"a": 1}, "a"))
print(load({"a": 1}, "b"))
