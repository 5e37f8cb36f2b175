// A lab's text in one language (en.md, zh-CN.md): the title (the `# ` heading), an
// introduction, then one `## Title {#step-id}` section per step whose `### Hint` subsections
// are its hints in order and whose `### Question {#question-id}` subsections are its
// predict-then-observe questions. Everything else in a section is the step's text, kept as
// Markdown for the panel to render.

/** LANGUAGES are the languages every lab is written in; the first is the fallback. */
export const LANGUAGES = ['en', 'zh-CN'] as const;
/** Language is one lab text language. */
export type Language = (typeof LANGUAGES)[number];

/** StepText is one step's text in one language. */
export interface StepText {
  readonly title: string;
  readonly body: string;
  readonly hints: readonly string[];
  readonly questions: Readonly<Record<string, string>>;
}

/** LabText is a whole lab's text in one language. */
export interface LabText {
  readonly title: string;
  readonly intro: string;
  readonly steps: Readonly<Record<string, StepText>>;
}

/** parseLabText reads one language's Markdown; it returns the text or the problems found, each with its line. */
export function parseLabText(md: string): LabText | { errors: string[] } {
  const errors: string[] = [];
  let title = '';
  const intro: string[] = [];
  const steps: Record<
    string,
    { title: string; body: string[]; hints: string[][]; questions: Record<string, string[]> }
  > = {};
  let step: (typeof steps)[string] | undefined;
  let sink: string[] = intro;
  md.split(/\r?\n/).forEach((line, i) => {
    const at = `line ${i + 1}`;
    let m: RegExpMatchArray | null;
    if ((m = /^# (.+)$/.exec(line)) !== null) {
      if (title !== '') errors.push(`${at}: a second "# " title`);
      title = m[1]!.trim();
    } else if ((m = /^## (.+?)\s*\{#([a-z0-9-]+)\}\s*$/.exec(line)) !== null) {
      if (Object.hasOwn(steps, m[2]!)) errors.push(`${at}: step "${m[2]}" appears twice`);
      step = { title: m[1]!, body: [], hints: [], questions: {} };
      steps[m[2]!] = step;
      sink = step.body;
    } else if (/^## /.test(line)) {
      errors.push(`${at}: a step heading needs an id, like "## Create a socket {#create}"`);
    } else if (/^### Hint\s*$/.test(line)) {
      if (step === undefined) errors.push(`${at}: a hint before the first step`);
      else step.hints.push((sink = []));
    } else if ((m = /^### Question\s*\{#([a-z0-9-]+)\}\s*$/.exec(line)) !== null) {
      if (step === undefined) errors.push(`${at}: a question before the first step`);
      else step.questions[m[1]!] = sink = [];
    } else if (/^### (Hint|Question)/.test(line)) {
      errors.push(`${at}: write "### Hint" or "### Question {#id}"`);
    } else sink.push(line);
  });
  if (title === '') errors.push('no "# " title');
  if (errors.length > 0) return { errors };
  const join = (lines: string[]) => lines.join('\n').trim();
  const out: Record<string, StepText> = {};
  for (const [id, s] of Object.entries(steps)) {
    out[id] = {
      title: s.title,
      body: join(s.body),
      hints: s.hints.map(join),
      questions: Object.fromEntries(Object.entries(s.questions).map(([q, l]) => [q, join(l)])),
    };
  }
  return { title, intro: join(intro), steps: out };
}
