from datetime import date, timedelta

class Book:
    def __init__(self, isbn, title, author):
        self.isbn, self.title, self.author = isbn, title, author
        self.borrower = None
        self.due = None
    def __str__(self):
        status = f"due {self.due:%b %d}" if self.borrower else "available"
        return f"{self.title!r} by {self.author} [{status}]"

class Library:
    LOAN_DAYS = 14
    FINE_PER_DAY = 0.25
    def __init__(self):
        self.books = {}
    def add(self, *books):
        for b in books:
            self.books[b.isbn] = b
    def checkout(self, isbn, member, today):
        book = self.books.get(isbn)
        if book is None:
            raise KeyError(f"no book with ISBN {isbn}")
        if book.borrower:
            raise RuntimeError(f"{book.title} is already borrowed by {book.borrower}")
        book.borrower, book.due = member, today + timedelta(days=self.LOAN_DAYS)
        return book.due
    def checkin(self, isbn, today):
        book = self.books[isbn]
        late = max((today - book.due).days, 0)
        book.borrower = book.due = None
        return late * self.FINE_PER_DAY
    def search(self, text):
        text = text.lower()
        return [b for b in self.books.values() if text in b.title.lower() or text in b.author.lower()]

lib = Library()
lib.add(Book("111", "Dune", "Frank Herbert"), Book("222", "Emma", "Jane Austen"), Book("333", "Persuasion", "Jane Austen"))
day = date(2024, 1, 10)
print("due:", lib.checkout("111", "sam", day))
for isbn in ("111", "999"):
    try:
        lib.checkout(isbn, "kim", day)
    except (KeyError, RuntimeError) as e:
        print(type(e).__name__, e)
for b in lib.books.values():
    print(b)
print([b.title for b in lib.search("austen")])
print("fine: $%.2f" % lib.checkin("111", date(2024, 2, 3)))
print("fine: $%.2f" % (lib.checkout("222", "al", day) and lib.checkin("222", day + timedelta(3))))
