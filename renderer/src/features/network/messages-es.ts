import type { networkEn } from './messages-en';

/** Spanish messages of Settings → Network and the proxy sign-in dialog. */
export const networkEs: Record<keyof typeof networkEn, string> = {
  'network.title': 'Red',
  'network.explain': 'Cómo llega Deskbridge a su proveedor de identidad y a AWS. Las contraseñas del proxy se piden cuando hacen falta y nunca se guardan.',
  'network.proxy': 'Proxy',
  'network.mode.system': 'Usar la configuración de proxy del sistema (recomendado)',
  'network.mode.manual': 'Usar este proxy',
  'network.mode.none': 'Sin proxy (conexión directa)',
  'network.proxyUrl': 'Dirección del proxy',
  'network.proxyUrlHint': 'Por ejemplo http://proxy.example.com:3128. Sin nombre de usuario ni contraseña.',
  'network.caFile': 'Archivo de certificados adicional (PEM)',
  'network.caFileHint':
    'Certificados de su organización en los que Deskbridge debe confiar, por ejemplo cuando la red inspecciona el tráfico cifrado. Déjelo vacío si su departamento de TI no le ha dado uno.',
  'network.active': 'En uso ahora: {description}',
  'network.source.settings': 'según esta configuración',
  'network.source.managed': 'establecido por su departamento de TI',
  'network.source.environment': 'del entorno (HTTPS_PROXY, HTTP_PROXY, NO_PROXY)',
  'network.source.default': 'conexión directa',
  'network.managed': 'Su departamento de TI preestablece esta configuración.',
  'network.locked': 'Su departamento de TI gestiona esta configuración; no se puede cambiar aquí.',
  'network.save': 'Guardar',
  'network.saved': 'Guardado.',
  'network.login.title': 'Iniciar sesión en el proxy',
  'network.login.why':
    'Deskbridge intentaba llegar a {host}. El proxy {proxy} de su red pide un nombre de usuario y una contraseña antes de dejar pasar la conexión.',
  'network.login.again': 'El proxy no aceptó el último nombre de usuario y contraseña (intento {attempt}). Revíselos e introdúzcalos de nuevo.',
  'network.login.kept': 'Se guardan en memoria hasta que Deskbridge se cierre, nunca en disco.',
  'network.login.user': 'Nombre de usuario',
  'network.login.password': 'Contraseña',
  'network.login.submit': 'Iniciar sesión',
  'network.login.cancel': 'Cancelar',
};
