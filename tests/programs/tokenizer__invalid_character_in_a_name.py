# Characters that cannot be in an identifier, printable or not.
price€ = 1
