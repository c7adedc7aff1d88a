// Texts longer than a channel allows are cut at line breaks (at a space, or hard, if a single
// line is too long), keeping every part within the limit.
export function splitText(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const parts: string[] = [];
  let current = '';
  const push = () => {
    if (current !== '') parts.push(current);
    current = '';
  };
  for (const line of text.split('\n')) {
    let rest = line;
    while (rest.length > max) {
      push();
      const cut = rest.lastIndexOf(' ', max);
      const at = cut > max / 2 ? cut : max;
      parts.push(rest.slice(0, at));
      rest = rest.slice(at).replace(/^ /, '');
    }
    const candidate = current === '' ? rest : `${current}\n${rest}`;
    if (candidate.length > max) {
      push();
      current = rest;
    } else current = candidate;
  }
  push();
  return parts;
}
