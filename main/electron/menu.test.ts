import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { paneIds } from '../common/contract';
import { buildMenuTemplate } from './menu';

const submenu = (menu: MenuItemConstructorOptions[], label: string) =>
  (menu.find((m) => m.label === label)?.submenu ?? []) as MenuItemConstructorOptions[];
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();

describe('buildMenuTemplate', () => {
  it('has File new/open/save programs that send menu actions', () => {
    const send = vi.fn();
    const file = submenu(buildMenuTemplate({ send, about: vi.fn() }, 'linux'), 'File');
    expect(file.filter((i) => i.label).map((i) => [i.label, i.accelerator])).toEqual([
      ['New Program', 'CmdOrCtrl+N'],
      ['Open Program…', 'CmdOrCtrl+O'],
      ['Save Program', 'CmdOrCtrl+S'],
    ]);
    for (const item of file) click(item);
    expect(send.mock.calls.map((c) => c[0])).toEqual(['file.new', 'file.open', 'file.save']);
  });

  it('has View zoom, dev tools and a toggle for every pane', () => {
    const send = vi.fn();
    const view = submenu(buildMenuTemplate({ send, about: vi.fn() }, 'linux'), 'View');
    expect(view.map((i) => i.role).filter(Boolean)).toEqual([
      'zoomIn',
      'zoomOut',
      'resetZoom',
      'togglefullscreen',
      'toggleDevTools',
    ]);
    for (const item of view.filter((i) => i.label?.startsWith('Toggle '))) click(item);
    expect(send.mock.calls.map((c) => c[0])).toEqual(paneIds.map((id) => `view.toggle.${id}`));
  });

  it('switches the language from View > Language', () => {
    const send = vi.fn();
    const view = submenu(buildMenuTemplate({ send, about: vi.fn() }, 'linux'), 'View');
    const language = submenu(view, 'Language / 语言');
    expect(language.map((i) => i.label)).toEqual(['English', '简体中文']);
    for (const item of language) click(item);
    expect(send.mock.calls.map((c) => c[0])).toEqual(['view.language.en', 'view.language.zh-CN']);
  });

  it('shows About under Help on Linux and Windows, and under the app menu on macOS', () => {
    const about = vi.fn();
    click(submenu(buildMenuTemplate({ send: vi.fn(), about }, 'win32'), 'Help')[0]);
    expect(about).toHaveBeenCalledTimes(1);
    const mac = buildMenuTemplate({ send: vi.fn(), about }, 'darwin');
    expect(mac[0]?.label).toBe('SockLab');
    click(submenu(mac, 'SockLab')[0]);
    expect(about).toHaveBeenCalledTimes(2);
  });
});
