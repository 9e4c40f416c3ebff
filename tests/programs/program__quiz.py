# A multiple-choice quiz: questions in a list of dicts, answers read with input().
questions = [
    {"q": "What does len('hello') return?", "choices": ["4", "5", "6"], "answer": "b"},
    {"q": "Which type is immutable?", "choices": ["list", "dict", "tuple"], "answer": "c"},
    {"q": "What is 7 // 2?", "choices": ["3", "3.5", "4"], "answer": "a"},
    {"q": "What keyword defines a function?", "choices": ["func", "def", "lambda"], "answer": "b"},
    {"q": "What is bool('')?", "choices": ["True", "False", "None"], "answer": "b"},
]
score = 0
wrong = []
for number, item in enumerate(questions, 1):
    print(f"\nQuestion {number}: {item['q']}")
    for letter, choice in zip("abc", item["choices"]):
        print(f"  {letter}) {choice}")
    while True:
        reply = input("Your answer: ").strip().lower()
        if reply in ("a", "b", "c"):
            break
        print("Please answer a, b or c.")
    if reply == item["answer"]:
        print("Correct!")
        score += 1
    else:
        correct = item["choices"]["abc".index(item["answer"])]
        print(f"Wrong, the answer is {item['answer']}) {correct}")
        wrong.append(number)
print(f"\nYou scored {score}/{len(questions)} ({score / len(questions):.0%}).")
print("Review questions:", wrong if wrong else "none")
