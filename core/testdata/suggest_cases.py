"""Generates suggest_cases.txt: CPython 3.11's "Did you mean" choices that suggest.rs must reproduce.

Each case is run through CPython's own traceback printer (sys.__excepthook__), which calls the C
code in Python/suggestions.c: as an AttributeError on an object whose __dir__ returns the
candidates (CPython then sorts them), or as a NameError in exec'd code whose globals dict holds the
candidates in a chosen order (behind '__builtins__', which CPython lists first and so do we).
Line format: `wrong expected candidate...`, each token `=` plus the text with `%XX` escapes for
'%', space and control characters; `expected` is `-` when CPython offers no suggestion. A candidate
token `@name` stands for the candidates of an earlier line `pool name candidate...`.
Run: python3 suggest_cases.py > suggest_cases.txt
"""
import builtins
import io
import random
import sys

MARK = ". Did you mean: "


def printed_suggestion(exc):
    buffer = io.StringIO()
    saved = sys.stderr
    sys.stderr = buffer
    try:
        sys.__excepthook__(type(exc), exc, exc.__traceback__)
    finally:
        sys.stderr = saved
    last = buffer.getvalue().rstrip("\n").split("\n")[-1]
    if MARK not in last:
        return None
    # 3.11 prints the suggestion raw between single quotes, not as its repr.
    quoted = last.rsplit(MARK, 1)[1]
    assert quoted.startswith("'") and quoted.endswith("'?"), last
    return quoted[1:-2]


def attribute_case(wrong, candidates):
    class Probe:
        def __dir__(self):
            return list(candidates)

    try:
        getattr(Probe(), wrong)
    except AttributeError as exc:
        return sorted(candidates), printed_suggestion(exc)
    raise AssertionError(f"{wrong!r} exists on the probe")


def name_case(wrong, candidates):
    scope = {"__builtins__": {}}
    for name in candidates:
        scope[name] = None
    order = list(scope)
    try:
        exec(wrong, scope)
    except NameError as exc:
        return order, printed_suggestion(exc)
    raise AssertionError(f"{wrong!r} is defined")


def escape(text):
    out = []
    for ch in text:
        if ch == "%" or ch == " " or ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append("".join(f"%{b:02X}" for b in ch.encode()))
        else:
            out.append(ch)
    return "=" + "".join(out)


POOLS = {}


def define_pool(name, candidates):
    POOLS[name] = list(candidates)
    print(" ".join(["pool", name] + [escape(c) for c in candidates]))


def candidate_tokens(order):
    for start in (0, 1):
        for name, pool in POOLS.items():
            if order[start:start + len(pool)] == pool:
                rest = order[start + len(pool):]
                return [escape(c) for c in order[:start]] + ["@" + name] + [escape(c) for c in rest]
    return [escape(c) for c in order]


def emit(wrong, order, expected):
    tokens = [escape(wrong), "-" if expected is None else escape(expected)]
    tokens += candidate_tokens(order)
    print(" ".join(tokens))


def both(wrong, candidates):
    emit(wrong, *attribute_case(wrong, candidates))
    if wrong.isidentifier() and wrong not in candidates and all(c.isidentifier() for c in candidates):
        emit(wrong, *name_case(wrong, candidates))


BUILTINS = list(vars(builtins))
STR_DIR = dir("")
LIST_DIR = dir([])
DICT_DIR = dir({})


def handmade():
    both("pritn", BUILTINS)
    both("prnt", BUILTINS)
    both("lenn", BUILTINS)
    both("Print", BUILTINS)
    both("PRINT", BUILTINS)
    both("rnage", BUILTINS)
    both("xyz", BUILTINS)
    both("uper", STR_DIR)
    both("spilt", STR_DIR)
    both("isnumber", STR_DIR)
    both("apend", LIST_DIR)
    both("appendd", LIST_DIR)
    both("Append", LIST_DIR)
    both("itmes", DICT_DIR)
    both("key", DICT_DIR)
    both("get_item", DICT_DIR)
    # Ties: the first candidate at the best distance wins.
    both("ab", ["ac", "ad", "zz"])
    both("ab", ["ad", "ac", "zz"])
    both("abcd", ["abce", "abcf", "xbcd"])
    both("abcd", ["xbcd", "abce"])
    both("value", ["valeu", "vlaue", "valu", "values"])
    both("count", ["counts", "Count", "amount"])
    # Case-only differences cost 1.
    both("foo", ["FOO", "Foo", "fooo"])
    both("foo", ["FOO", "fOO"])
    both("MyClass", ["myclass", "MyClas"])
    both("x", ["X", "y"])
    both("a", ["b"])
    both("a", ["ab"])
    both("a", ["abc"])
    both("ab", ["abc"])
    both("ab", ["abcd"])
    both("abc", ["abcde"])
    both("abc", ["abcdef"])
    both("abcdef", ["abc"])
    both("@", ["`"])
    both("A", ["!"])
    both("_", ["x", "__"])
    # Names with shared affixes, and long names beyond the 40-byte window.
    both("very_long_prefix_" + "x" * 30 + "_tail", ["very_long_prefix_" + "y" * 30 + "_tail"])
    both("very_long_prefix_" + "x" * 39 + "_tail", ["very_long_prefix_" + "x" * 38 + "y_tail"])
    both("a" * 41, ["b" * 41])
    both("a" * 41 + "z", ["a" * 41])
    both("z" + "a" * 45, ["y" + "a" * 45])
    both("qz" + "a" * 40 + "qz", ["zq" + "a" * 40 + "zq"])
    both("q" + "a" * 40 + "q", ["r" + "a" * 40 + "r"])
    both("q" + "a" * 38 + "q", ["r" + "a" * 38 + "r"])
    both("q" + "a" * 39 + "q", ["r" + "a" * 39 + "r"])
    both("calculate_average_temperature", ["calculate_avg_temperature", "calculate_average_temp"])
    both("number_of_students_in_class", ["number_of_student_in_class", "num_students"])
    # Only candidates that are too far.
    both("apple", ["banana", "cherry", "grape"])
    both("total", ["count", "value"])
    both("q", ["print", "len"])
    both("", ["a", "b"])
    both("", [""])
    both("abc", [])
    # The wrong name itself among the candidates is skipped.
    both("abc", ["abc", "abd"])
    both("abc", ["abc"])
    both("é", ["é", "e"])
    both("é", ["éa"])
    both("café", ["cafe", "cafés"])
    both("naïve", ["naive", "naïf"])
    both("Ā", ["Ā", "ā"])
    both("xxxxxxÃ©", ["xxxxxxé"])
    both("日本語", ["日本人", "日本"])
    both("größe", ["grösse", "GRÖSSE", "große"])
    both("ab\0c", ["abc", "ab\0d"])
    both("a b", ["ab", "a_b"])
    both("its", ["it's", "itss"])
    # Duplicates.
    both("ab", ["ac", "ac", "ab"])
    # The candidate-count cap: 749 are searched, 750 are not.
    filler = [f"zz{i:04d}" for i in range(748)]
    both("target", filler + ["targets"])
    both("target", filler + ["targets", "other"])
    both("target", filler[:700] + ["targets"])


def mutate(rng, word):
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789"
    kind = rng.randrange(6)
    i = rng.randrange(len(word) + 1)
    if kind == 0 and len(word) > 1:
        return word[:i] + word[i + 1:]
    if kind == 1:
        return word[:i] + rng.choice(letters) + word[i:]
    if kind == 2 and len(word) > 1:
        j = rng.randrange(len(word) - 1)
        return word[:j] + word[j + 1] + word[j] + word[j + 2:]
    if kind == 3 and i < len(word):
        return word[:i] + word[i].swapcase() + word[i + 1:]
    if kind == 4 and i < len(word):
        return word[:i] + rng.choice(letters) + word[i + 1:]
    return word.upper() if rng.random() < 0.5 else word + word[-1:]


def random_identifier(rng):
    length = rng.choice([1, 2, 3, 4, 6, 8, 12, 20])
    first = rng.choice("abcdefghijklmnopqrstuvwxyz_")
    rest = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz_0123456789") for _ in range(length - 1))
    return first + rest


def generated(count):
    rng = random.Random(2023)
    pools = [BUILTINS, STR_DIR, LIST_DIR, DICT_DIR]
    for _ in range(count):
        if rng.random() < 0.5:
            pool = rng.choice(pools)
        else:
            pool = list(dict.fromkeys(random_identifier(rng) for _ in range(rng.randrange(1, 30))))
        word = rng.choice(pool)
        wrong = word
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            wrong = mutate(rng, wrong)
        if not wrong:
            continue
        if hasattr(object(), wrong):
            continue
        both(wrong, pool)


def main():
    define_pool("builtins", BUILTINS)
    define_pool("sorted_builtins", sorted(BUILTINS))
    define_pool("str", STR_DIR)
    define_pool("list", LIST_DIR)
    define_pool("dict", DICT_DIR)
    handmade()
    generated(400)


if __name__ == "__main__":
    main()
