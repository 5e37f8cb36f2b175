// CodeMirror looks for the light and dark schemes: the editor's chrome takes the app's CSS
// variables, and C tokens get colours readable on each background (like the terminal's ANSI
// palettes in terminal/themes.ts, the syntax colours are the one place with literal values).
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';

/** SyntaxColours names the colour of each kind of C token. */
interface SyntaxColours {
  keyword: string;
  control: string;
  type: string;
  string: string;
  number: string;
  comment: string;
  preprocessor: string;
  func: string;
  property: string;
  activeLine: string;
  selection: string;
}

const light: SyntaxColours = {
  keyword: '#cf222e',
  control: '#cf222e',
  type: '#0550ae',
  string: '#0a3069',
  number: '#0550ae',
  comment: '#6e7781',
  preprocessor: '#8250df',
  func: '#8250df',
  property: '#953800',
  activeLine: '#f3f6fa',
  selection: '#b6d6fd',
};

const dark: SyntaxColours = {
  keyword: '#569cd6',
  control: '#c586c0',
  type: '#4ec9b0',
  string: '#ce9178',
  number: '#b5cea8',
  comment: '#6a9955',
  preprocessor: '#c586c0',
  func: '#dcdcaa',
  property: '#9cdcfe',
  activeLine: '#262a30',
  selection: '#264f78',
};

function editorTheme(c: SyntaxColours, isDark: boolean): Extension {
  const chrome = EditorView.theme(
    {
      '&': { height: '100%', backgroundColor: 'var(--panel)', color: 'var(--text)' },
      '&.cm-focused': { outline: 'none' },
      '.cm-scroller': { fontFamily: 'var(--font-mono)', fontSize: '13px', lineHeight: '1.45' },
      '.cm-content': { caretColor: 'var(--text)' },
      '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
      '.cm-gutters': {
        backgroundColor: 'var(--panel-head)',
        color: 'var(--muted)',
        borderRight: '1px solid var(--border)',
      },
      '.cm-activeLine': { backgroundColor: c.activeLine },
      '.cm-activeLineGutter': { backgroundColor: c.activeLine, color: 'var(--text)' },
      '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground': {
        backgroundColor: c.selection,
      },
      '.cm-matchingBracket': { outline: '1px solid var(--muted)', backgroundColor: 'transparent' },
      '.cm-tooltip': { backgroundColor: 'var(--panel)', border: '1px solid var(--border)' },
      '.cm-panels': { backgroundColor: 'var(--panel-head)', color: 'var(--text)' },
    },
    { dark: isDark },
  );
  const highlight = HighlightStyle.define([
    { tag: [t.keyword, t.definitionKeyword, t.modifier, t.operatorKeyword], color: c.keyword },
    { tag: t.controlKeyword, color: c.control },
    { tag: [t.typeName, t.standard(t.typeName)], color: c.type },
    { tag: [t.string, t.special(t.string), t.character], color: c.string },
    { tag: [t.number, t.bool, t.null], color: c.number },
    { tag: [t.lineComment, t.blockComment], color: c.comment, fontStyle: 'italic' },
    { tag: [t.processingInstruction, t.meta, t.special(t.name)], color: c.preprocessor },
    { tag: [t.function(t.variableName), t.function(t.definition(t.variableName))], color: c.func },
    { tag: [t.propertyName, t.escape], color: c.property },
  ]);
  return [chrome, syntaxHighlighting(highlight)];
}

/** lightEditorTheme is the editor's look when the app is light. */
export const lightEditorTheme: Extension = editorTheme(light, false);
/** darkEditorTheme is the editor's look when the app is dark. */
export const darkEditorTheme: Extension = editorTheme(dark, true);
