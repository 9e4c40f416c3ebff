# A non-printable control character outside strings and comments.
x = 1  2
