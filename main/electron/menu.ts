// The application menu: File (new/open/save program), Edit, View (zoom, terminal font, panes,
// language, developer tools) and Help (About). Items that act on the page send a menu action to the
// renderer; the rest use Electron's built-in roles.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuAction, PaneId } from '../common/contract';
import { paneIds } from '../common/contract';

/** MenuHandlers are what the menu calls back into. */
export interface MenuHandlers {
  send(action: MenuAction): void;
  about(): void;
}

const paneLabels: Record<PaneId, string> = {
  lab: 'Lab',
  editor: 'Editor',
  terminal: 'Terminal',
  inspector: 'Struct Inspector',
  path: 'Transmit Path',
  packets: 'Packets',
  timeline: 'Timeline',
};

/** buildMenuTemplate returns the menu for a platform. */
export function buildMenuTemplate(
  handlers: MenuHandlers,
  platform: NodeJS.Platform,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const item = (label: string, action: MenuAction, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => handlers.send(action),
  });
  const about: MenuItemConstructorOptions = { label: 'About SockLab', click: () => handlers.about() };
  return [
    ...(mac
      ? [{ label: 'SockLab', submenu: [about, { type: 'separator' as const }, { role: 'quit' as const }] }]
      : []),
    {
      label: 'File',
      submenu: [
        item('New Program', 'file.new', 'CmdOrCtrl+N'),
        item('Open Program…', 'file.open', 'CmdOrCtrl+O'),
        item('Save Program', 'file.save', 'CmdOrCtrl+S'),
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'resetZoom' },
        { type: 'separator' },
        item('Terminal Font Larger', 'view.fontLarger', 'CmdOrCtrl+Shift+='),
        item('Terminal Font Smaller', 'view.fontSmaller', 'CmdOrCtrl+Shift+-'),
        item('Terminal Font Default', 'view.fontReset'),
        { type: 'separator' },
        ...paneIds.map((id) => item(`Toggle ${paneLabels[id]}`, `view.toggle.${id}`)),
        { type: 'separator' },
        {
          label: 'Language / 语言',
          submenu: [item('English', 'view.language.en'), item('简体中文', 'view.language.zh-CN')],
        },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        { role: 'toggleDevTools' },
      ],
    },
    { label: 'Help', submenu: mac ? [{ role: 'help', label: 'SockLab Help', enabled: false }] : [about] },
  ];
}
