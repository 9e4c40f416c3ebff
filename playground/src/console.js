// The playground's console: program output in order (stdout plain, stderr red), and
// input() asked inline: the prompt is printed, an <input> field follows it on the same
// line and takes the focus; Enter answers with the line (echoed as a terminal would).
//
// Invariant: at most one question is open at a time, and each one settles exactly once —
// with the line, or rejected when the run ends or is stopped (`cancelQuestion`), so the
// session never waits on a field nobody can see.

export class Console {
  #element;
  #question = null; // { field, resolve, reject } while input() waits

  constructor(element) {
    this.#element = element;
  }

  clear() {
    this.cancelQuestion();
    this.#element.textContent = "";
  }

  /** Append `text` from `stream` ("stdout", "stderr" or "system" for the page's notes). */
  write(stream, text) {
    if (!text) return;
    const last = this.#element.lastElementChild;
    // Consecutive writes to one stream share a span: a program printing a million
    // lines must not make a million elements.
    if (last && last.tagName === "SPAN" && last.dataset.stream === stream) {
      last.append(text);
    } else {
      const span = document.createElement("span");
      span.dataset.stream = stream;
      if (stream !== "stdout") span.className = stream;
      span.textContent = text;
      this.#element.append(span);
    }
    this.#scroll();
  }

  /** `input(prompt)`: show the prompt and a field; resolves to the line entered. */
  ask(prompt) {
    this.cancelQuestion();
    this.write("stdout", prompt);
    const field = document.createElement("input");
    field.type = "text";
    field.id = "console-input";
    field.autocomplete = "off";
    field.spellcheck = false;
    field.setAttribute("aria-label", prompt || "input");
    this.#element.append(field);
    this.#scroll();
    field.focus();
    return new Promise((resolve, reject) => {
      this.#question = { field, resolve, reject };
      field.addEventListener("keydown", (event) => {
        if (event.key !== "Enter" || this.#question?.field !== field) return;
        event.preventDefault();
        const line = field.value;
        this.#question = null;
        field.remove();
        this.write("stdout", `${line}\n`);
        resolve(line);
      });
    });
  }

  /** End an open question (the run ended or was stopped): its promise rejects. */
  cancelQuestion(error = new Error("the question was withdrawn")) {
    const question = this.#question;
    if (!question) return;
    this.#question = null;
    question.field.remove();
    question.reject(error);
  }

  #scroll() {
    this.#element.scrollTop = this.#element.scrollHeight;
  }
}
