// End to end: the Editor pane in web mode. Files are opened from the picker, edited, saved
// with Ctrl-S and checked on disk; New creates a file; Run types `run file.c` into the
// terminal; a file changed or deleted on disk while open is reported and its buffer kept.
import { mkdirSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser';
import { editorCode, editorFileLabel, editorRegion, editorText, fileText, waitFor } from './helpers/editor';
import { waitForRow } from './helpers/terminal';
import type { WebMode } from './helpers/webMode';
import { ROOT, startWebMode } from './helpers/webMode';

const PROMPT = 'student@client:~$';
const ARTIFACTS = join(ROOT, 'test', 'artifacts');
const HELLO = '#include <stdio.h>\n\nint main(void)\n{\n    printf("hello\\n");\n    return 0;\n}\n';
const SERVER = '#include <sys/socket.h>\n\nint main(void)\n{\n    return 0;\n}\n';

let browser: Browser;
let web: WebMode;
const onDisk = (path: string) => fileText(join(web.workspace, path));

async function openApp(dark = false): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: 1280, height: 800 },
    colorScheme: dark ? 'dark' : 'light',
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(web.url);
  await waitForRow(page, (row) => row.startsWith(PROMPT), 'the prompt');
  await waitFor(async () => (await editorFileLabel(page)) === 'hello.c', 'hello.c opened at start');
  expect(errors).toEqual([]);
  return page;
}

async function openFromPicker(page: Page, filter: string, path: string): Promise<void> {
  await editorRegion(page).getByRole('button', { name: 'Open…' }).click();
  const picker = page.getByRole('dialog', { name: 'Open a file' });
  await picker.getByRole('combobox', { name: 'Filter workspace files' }).fill(filter);
  await picker.getByRole('option', { name: new RegExp(`^${path}`) }).waitFor();
  await page.keyboard.press('Enter');
  await waitFor(async () => (await editorFileLabel(page)) === path, `${path} open`);
}

async function typeAtEnd(page: Page, text: string): Promise<void> {
  await editorCode(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
  web = await startWebMode({
    'hello.c': HELLO,
    'notes.txt': 'TCP is a byte stream.\n',
    'src/server.c': SERVER,
    'img.png': 'not text',
  });
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

describe('the Editor pane', () => {
  it('opens a file from the picker, edits it and saves it to disk with Ctrl-S', async () => {
    const page = await openApp();
    await editorRegion(page).getByRole('button', { name: 'Open…' }).click();
    const list = page.getByRole('listbox', { name: 'Workspace files' });
    await waitFor(async () => (await list.getByRole('option').count()) === 3, 'three text files listed');
    expect(await list.getByRole('option').allTextContents()).toEqual([
      `hello.c${HELLO.length} B`,
      'notes.txt22 B',
      `src/server.c${SERVER.length} B`,
    ]);
    await page.keyboard.press('Escape');
    await openFromPicker(page, 'serv', 'src/server.c');
    expect(await editorText(page)).toBe(SERVER);
    await typeAtEnd(page, '// edited in SockLab');
    expect(await editorFileLabel(page)).toBe('src/server.c (modified)');
    await page.keyboard.press('Control+s');
    await waitFor(() => onDisk('src/server.c') === `${SERVER}// edited in SockLab`, 'the edit on disk');
    await waitFor(
      async () => (await editorFileLabel(page)) === 'src/server.c',
      'the modified marker cleared',
    );
    await expect(editorRegion(page).getByRole('status').textContent()).resolves.toBe('Saved src/server.c');

    await page.reload();
    await waitFor(async () => (await editorFileLabel(page)) === 'src/server.c', 'the last file reopened');
    expect(await editorText(page)).toContain('// edited in SockLab');
    await page.close();
  });

  it('creates a new file from the inline name field', async () => {
    const page = await openApp();
    await editorRegion(page).getByRole('button', { name: 'New' }).click();
    const name = editorRegion(page).getByRole('textbox', { name: 'New file name' });
    await name.fill('../escape.c');
    await page.keyboard.press('Enter');
    await expect(editorRegion(page).getByRole('alert').textContent()).resolves.toMatch(/cannot contain/);
    await name.fill('client.c');
    await page.keyboard.press('Enter');
    await waitFor(() => onDisk('client.c') !== undefined, 'client.c on disk');
    await waitFor(async () => (await editorFileLabel(page)) === 'client.c', 'client.c open');
    expect(await editorText(page)).toContain('int main(void)');
    await editorRegion(page).getByRole('button', { name: 'New' }).click();
    await name.fill('hello.c');
    await page.keyboard.press('Enter');
    await waitFor(
      async () => /hello\.c already exists/.test((await editorRegion(page).textContent()) ?? ''),
      'the refusal of an existing name',
    );
    expect(onDisk('hello.c')).toBe(HELLO);
    await page.close();
  });

  it('types run hello.c into the terminal when Run is pressed', async () => {
    const page = await openApp();
    await editorRegion(page).getByRole('button', { name: 'Run' }).click();
    await waitForRow(page, (row) => row.startsWith(`${PROMPT} run hello.c`), '"run hello.c" at the prompt');
    await page.close();
  });

  it('keeps the buffer and says so when the file is deleted on disk, and Save writes it back', async () => {
    writeFileSync(join(web.workspace, 'gone.c'), 'int gone;\n');
    const page = await openApp();
    await openFromPicker(page, 'gone', 'gone.c');
    await typeAtEnd(page, '// mine');
    unlinkSync(join(web.workspace, 'gone.c'));
    const alert = editorRegion(page).getByRole('alert');
    await waitFor(
      async () => /gone\.c was deleted/.test((await alert.allTextContents()).join(' ')),
      'the note',
    );
    expect(await editorText(page)).toBe('int gone;\n// mine');
    await editorCode(page).press('Control+s');
    await waitFor(() => onDisk('gone.c') === 'int gone;\n// mine', 'the file written back');
    await page.close();
  });

  it('refuses to overwrite a change made on disk until the student chooses to', async () => {
    const page = await openApp();
    await openFromPicker(page, 'notes', 'notes.txt');
    await typeAtEnd(page, 'mine');
    writeFileSync(join(web.workspace, 'notes.txt'), 'changed by another program\n');
    utimesSync(join(web.workspace, 'notes.txt'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    await editorCode(page).press('Control+s');
    const region = editorRegion(page);
    await waitFor(async () => /changed on disk/.test((await region.textContent()) ?? ''), 'the conflict');
    expect(onDisk('notes.txt')).toBe('changed by another program\n');
    await region.getByRole('button', { name: 'Overwrite with mine' }).click();
    await waitFor(() => onDisk('notes.txt') === 'TCP is a byte stream.\nmine', 'my text on disk');
    await page.close();
  });

  it('keeps unsaved edits while the pane is hidden and asks before another file replaces them', async () => {
    const page = await openApp();
    await typeAtEnd(page, '// draft');
    const toggle = page
      .getByRole('toolbar', { name: 'SockLab toolbar' })
      .getByRole('button', { name: 'Editor' });
    await toggle.click();
    await waitFor(async () => !(await editorRegion(page).isVisible()), 'the editor hidden');
    await toggle.click();
    expect(await editorText(page)).toBe(`${HELLO}// draft`);
    expect(await editorFileLabel(page)).toBe('hello.c (modified)');

    await editorRegion(page).getByRole('button', { name: 'Open…' }).click();
    await page.getByRole('option', { name: /^src\/server\.c/ }).waitFor();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    const guard = editorRegion(page).getByRole('alert');
    await expect(guard.textContent()).resolves.toMatch(
      /hello\.c has unsaved changes\. Save them before you open src\/server\.c\?/,
    );
    await guard.getByRole('button', { name: 'Discard changes' }).click();
    await waitFor(async () => (await editorFileLabel(page)) === 'src/server.c', 'src/server.c open');
    expect(onDisk('hello.c')).toBe(HELLO);
    await page.close();
  });

  it('saves screenshots of the editor in the light and dark themes', async () => {
    for (const dark of [false, true]) {
      const page = await openApp(dark);
      await openFromPicker(page, 'hello', 'hello.c');
      await typeAtEnd(page, '// a comment');
      await page.screenshot({ path: join(ARTIFACTS, `editor-${dark ? 'dark' : 'light'}.png`) });
      await page.close();
    }
  });
});
