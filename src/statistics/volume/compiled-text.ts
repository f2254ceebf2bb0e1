// A text with placeholder tokens, split once so that each of a million copies is a join.
export class CompiledText {
  private constructor(private readonly parts: string[]) {}

  /** Splits `text` at every token; tokens are matched longest first. */
  static compile(text: string, tokens: string[]): CompiledText {
    const pattern = new RegExp([...tokens].sort((a, b) => b.length - a.length).map(escape).join('|'), 'g');
    return new CompiledText(text.split(new RegExp(`(${pattern.source})`, 'g')));
  }

  /** The text with each token replaced by its value (every token of the text must have one). */
  render(values: Record<string, string>): string {
    let out = this.parts[0];
    for (let i = 1; i < this.parts.length; i += 2) {
      const value = values[this.parts[i]];
      if (value === undefined) throw new Error(`no value for token ${this.parts[i]}`);
      out += value + this.parts[i + 1];
    }
    return out;
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
