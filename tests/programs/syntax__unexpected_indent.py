# A line indented for no reason.
name = "Ada"
    print(name)
