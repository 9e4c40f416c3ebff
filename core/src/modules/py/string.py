# `string`: the character-class constants, capwords, and Template.
#
# Python source, run on first import: CPython's string.py is Python too. Template's
# placeholders are found by a small scanner in place of CPython's regular expression
# (there is no `re` module here); it accepts exactly what that expression accepts for
# the default delimiter `$` and identifier pattern.
# Invariant: substitution results and the errors (KeyError, ValueError with line and
# column) are CPython 3.11's.

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


_IDENT_START = ascii_letters + '_'
_IDENT_REST = _IDENT_START + digits


class Template:
    """A string class for supporting $-substitutions."""
    __module__ = 'string'
    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _scan(self, on_named, on_invalid):
        template = self.template
        out = []
        i = 0
        n = len(template)
        while i < n:
            j = template.find(self.delimiter, i)
            if j < 0:
                out.append(template[i:])
                break
            out.append(template[i:j])
            k = j + 1
            if template.startswith(self.delimiter, k):
                out.append(self.delimiter)
                i = k + 1
                continue
            braced = template.startswith('{', k)
            start = k + 1 if braced else k
            end = start
            if end < n and template[end] in _IDENT_START:
                end += 1
                while end < n and template[end] in _IDENT_REST:
                    end += 1
            name = template[start:end]
            if name and (not braced or template.startswith('}', end)):
                out.append(on_named(name, template[j:end + 1 if braced else end]))
                i = end + 1 if braced else end
                continue
            out.append(on_invalid(k))
            i = k
        return ''.join(out)

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    def substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = {**mapping, **kws}
        return self._scan(lambda name, text: str(mapping[name]), self._invalid)

    def safe_substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = {**mapping, **kws}

        def named(name, text):
            try:
                return str(mapping[name])
            except KeyError:
                return text
        return self._scan(named, lambda i: self.delimiter)

    def is_valid(self):
        try:
            self._scan(lambda name, text: '', self._invalid)
        except ValueError:
            return False
        return True

    def get_identifiers(self):
        ids = []

        def named(name, text):
            if name not in ids:
                ids.append(name)
            return ''
        self._scan(named, lambda i: '')
        return ids
