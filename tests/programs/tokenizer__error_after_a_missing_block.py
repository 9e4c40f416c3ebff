# A tokenizer error after a grammar error replaces it, as CPython tokenizes the rest.
if True:
pass
y = 1 😀
