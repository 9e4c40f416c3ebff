# sys.exit('message'): the message goes to stderr and the status is 1.
import sys
def fail(reason):
    print("about to fail")
    sys.exit("fatal: " + reason)
fail("configuration not found")
