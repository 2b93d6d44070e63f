// The part of noVNC's RFB (core/rfb.js, 1.7) the session page uses; the package ships no types.
declare module '@novnc/novnc' {
  export interface RfbOptions {
    readonly shared?: boolean;
    readonly credentials?: { readonly username?: string; readonly password?: string; readonly target?: string };
    readonly wsProtocols?: readonly string[];
  }

  export default class RFB extends EventTarget {
    constructor(target: HTMLElement, urlOrChannel: string | WebSocket, options?: RfbOptions);
    viewOnly: boolean;
    focusOnClick: boolean;
    clipViewport: boolean;
    scaleViewport: boolean;
    resizeSession: boolean;
    showDotCursor: boolean;
    background: string;
    qualityLevel: number;
    compressionLevel: number;
    readonly capabilities: { readonly power: boolean };
    disconnect(): void;
    sendCredentials(credentials: { readonly username?: string; readonly password?: string; readonly target?: string }): void;
    sendKey(keysym: number, code: string | null, down?: boolean): void;
    sendCtrlAltDel(): void;
    focus(options?: FocusOptions): void;
    blur(): void;
    clipboardPasteFrom(text: string): void;
  }
}
