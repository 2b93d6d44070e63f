// electron-builder configuration for `npm run dist` (needs the Electron binary, so not on CI).
'use strict';

const SCHEME = 'deskbridge';

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'org.deskbridge.app',
  productName: 'Deskbridge',
  copyright: 'Copyright © Deskbridge contributors',
  directories: { output: 'dist', buildResources: 'build' },
  // Only the built app: no sources, tests, source maps or dev dependencies (production
  // dependencies are added by electron-builder from package.json's `dependencies`).
  files: ['out/**', 'package.json', '!**/*.map', '!**/*.{ts,tsx}'],
  asar: true,
  // keytar is a native module: it must be loadable from outside the asar archive.
  asarUnpack: ['**/*.node'],
  afterPack: './build/fuses.cjs',
  protocols: [{ name: 'Deskbridge link', schemes: [SCHEME] }],
  icon: 'build/icon.png',
  // The tray / menu-bar icon, read by electron/main at run time.
  extraResources: [{ from: 'build/icon.png', to: 'tray-icon.png' }],

  mac: {
    target: [
      { target: 'dmg', arch: ['universal'] },
      { target: 'zip', arch: ['universal'] },
    ],
    category: 'public.app-category.productivity',
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
    // keytar's prebuilt .node files differ per arch; lipo merges them into the universal app.
    x64ArchFiles: '**/*.node',
  },
  dmg: { writeUpdateInfo: false },

  win: {
    target: [{ target: 'nsis', arch: ['x64', 'arm64'] }],
  },
  nsis: {
    // Per-user: no administrator rights needed, nothing written outside the user's profile.
    oneClick: false,
    perMachine: false,
    allowElevation: false,
    allowToChangeInstallationDirectory: true,
    deleteAppDataOnUninstall: true,
    // electron-builder's NSIS target ignores `protocols`: the scheme is registered here (HKCU).
    include: 'build/installer.nsh',
  },

  linux: {
    target: ['AppImage', 'deb', 'rpm'],
    executableName: 'deskbridge',
    category: 'Network;RemoteAccess;',
    synopsis: 'Open your cloud desktops',
    description: 'An open-source desktop client for cloud desktops, Amazon WorkSpaces first.',
    maintainer: 'Deskbridge contributors',
    // `protocols` becomes MimeType=x-scheme-handler/deskbridge in the desktop entry.
    desktop: { entry: { StartupWMClass: 'Deskbridge' } },
  },
  deb: { depends: ['libsecret-1-0'] },
  rpm: { depends: ['libsecret'] },
};
