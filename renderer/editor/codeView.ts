// The CodeMirror 6 view behind the Editor pane: C highlighting, the two themes, Ctrl-S (Cmd-S
// on macOS) for save, and a "modified" flag that compares the document with the text last
// loaded or saved, so undoing back to it clears the marker.
import { basicSetup } from 'codemirror';
import { cpp } from '@codemirror/lang-cpp';
import { Compartment, EditorState, Text } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { darkEditorTheme, lightEditorTheme } from './themes';

/** CodeViewOptions are the view's starting theme and its callbacks. */
export interface CodeViewOptions {
  dark: boolean;
  /** onModified is called when the buffer starts or stops differing from the saved text. */
  onModified: (modified: boolean) => void;
  /** onSave is called for Ctrl-S / Cmd-S inside the editor. */
  onSave: () => void;
}

/** CodeView owns one CodeMirror EditorView. */
export class CodeView {
  readonly #view: EditorView;
  readonly #theme = new Compartment();
  readonly #options: CodeViewOptions;
  #saved: Text;
  #modified = false;

  constructor(parent: HTMLElement, options: CodeViewOptions) {
    this.#options = options;
    this.#view = new EditorView({ parent, state: this.#state('', options.dark) });
    this.#saved = this.#view.state.doc;
  }

  /** text is the buffer's current content. */
  get text(): string {
    return this.#view.state.doc.toString();
  }

  /** modified is true while the buffer differs from the text last loaded or saved. */
  get modified(): boolean {
    return this.#modified;
  }

  /** load replaces the buffer (and its undo history) with a file's text. */
  load(text: string, dark: boolean): void {
    this.#view.setState(this.#state(text, dark));
    this.#saved = this.#view.state.doc;
    this.#setModified(false);
  }

  /** markSaved records that `text` (the buffer when the save began) is now on disk. */
  markSaved(text: string): void {
    const doc = this.#view.state.doc;
    this.#saved = doc.toString() === text ? doc : Text.of(text.split('\n'));
    this.#setModified(!doc.eq(this.#saved));
  }

  /** setDark switches between the light and dark themes. */
  setDark(dark: boolean): void {
    this.#view.dispatch({ effects: this.#theme.reconfigure(dark ? darkEditorTheme : lightEditorTheme) });
  }

  /** focus puts the keyboard focus in the code. */
  focus(): void {
    this.#view.focus();
  }

  /** destroy removes the view from the page. */
  destroy(): void {
    this.#view.destroy();
  }

  #state(text: string, dark: boolean): EditorState {
    return EditorState.create({
      doc: text,
      extensions: [
        keymap.of([{ key: 'Mod-s', preventDefault: true, run: () => (this.#options.onSave(), true) }]),
        basicSetup,
        cpp(),
        this.#theme.of(dark ? darkEditorTheme : lightEditorTheme),
        EditorView.contentAttributes.of({ 'aria-label': 'Code', 'aria-multiline': 'true' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) this.#setModified(!update.state.doc.eq(this.#saved));
        }),
      ],
    });
  }

  #setModified(modified: boolean): void {
    if (modified === this.#modified) return;
    this.#modified = modified;
    this.#options.onModified(modified);
  }
}
