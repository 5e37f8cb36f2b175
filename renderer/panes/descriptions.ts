// The panes of the window: each one's title (a catalogue key, so it follows the language) and
// its accessible name (fixed, so tests and assistive tools find it in every language).
import type { PaneId } from '../../main/common/contract';
import type { MessageKey } from '../i18n';

/** PaneInfo names a pane: its title's message key and its accessible label. */
export interface PaneInfo {
  titleKey: MessageKey;
  label: string;
}

/** panes describes every region of the window. */
export const panes: Record<PaneId, PaneInfo> = {
  lab: { titleKey: 'pane.lab', label: 'Lab' },
  editor: { titleKey: 'pane.editor', label: 'Editor' },
  terminal: { titleKey: 'pane.terminal', label: 'Terminal' },
  inspector: { titleKey: 'pane.inspector', label: 'Struct inspector' },
  path: { titleKey: 'pane.path', label: 'Transmit path' },
  packets: { titleKey: 'pane.packets', label: 'Packets' },
  timeline: { titleKey: 'pane.timeline', label: 'Timeline' },
};

/** paneOrder lists the panes in the order the toolbar shows them. */
export const paneOrder = Object.keys(panes) as PaneId[];
