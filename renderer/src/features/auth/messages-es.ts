import type { samlEn } from './messages-en';

/** Mensajes en español del inicio de sesión SAML (incluidos en i18n/es.ts). */
export const samlEs: Record<keyof typeof samlEn, string> = {
  'add.saml': 'SAML 2.0 (su aplicación de AWS en Okta, Entra ID, ADFS…)',
  'add.samlSignInUrl': 'URL de inicio de sesión iniciado por el IdP',
  'add.samlSignInUrlHint': 'La dirección de la aplicación de AWS en su portal de aplicaciones.',
  'add.samlRoleArn': 'ARN del rol de IAM preferido (opcional)',
  'add.samlUserNameAttribute': 'Atributo del nombre de usuario (opcional)',
  'add.samlUserNameAttributeHint': 'Predeterminado: el atributo RoleSessionName; si no, el NameID.',
  'auth.saml.waitingForWindow': 'Termine de iniciar sesión en {name} en la ventana de inicio de sesión.',
  'auth.saml.noStay':
    'Los inicios de sesión SAML no se pueden conservar: SAML no tiene token de actualización. Deskbridge renueva su sesión en segundo plano mientras está abierto y se la vuelve a pedir tras reiniciar.',
  'auth.saml.chooseRole': 'Elija un rol para {name}',
  'auth.saml.chooseRoleBody': 'Su proveedor de identidad ofrece varios roles de AWS. Deskbridge recuerda su elección para esta organización.',
  'auth.saml.useRole': 'Usar este rol',
  'auth.saml.roleAccount': 'cuenta {account}',
  'auth.saml.error.saml-no-role':
    'Su proveedor de identidad no envió ningún rol de AWS. Pida a su administrador que asigne el atributo https://aws.amazon.com/SAML/Attributes/Role en la aplicación de AWS.',
  'auth.saml.error.saml-role-not-offered':
    'El rol configurado para esta organización no está entre los que le ofrece su proveedor de identidad. Elija uno de los roles ofrecidos o pida a su administrador que se lo asigne.',
  'auth.saml.error.saml-assertion-expired':
    'El inicio de sesión de su proveedor de identidad ya había caducado. Vuelva a iniciar sesión; si se repite, compruebe el reloj de este equipo.',
  'auth.saml.error.saml-invalid-response': 'La respuesta de su proveedor de identidad no se pudo leer como respuesta SAML.',
  'auth.saml.error.saml-window-closed': 'La ventana de inicio de sesión se cerró antes de terminar.',
  'auth.saml.error.idp-unreachable': 'Deskbridge no pudo acceder a la página de inicio de sesión de su proveedor de identidad. Compruebe su conexión de red.',
  'auth.saml.error.aws-refused-token':
    'AWS no aceptó el inicio de sesión de su proveedor de identidad. Su administrador debe revisar el proveedor de identidad SAML de IAM (sus metadatos) y la política de confianza del rol.',
  'auth.saml.error.saml-token-expired':
    'Para AWS, el inicio de sesión de su proveedor de identidad ha caducado. Vuelva a iniciar sesión; si se repite, compruebe el reloj de este equipo.',
  'auth.saml.error.role-trust-refused':
    'AWS rechazó el rol elegido. Su administrador debe revisar la política de confianza del rol (sts:AssumeRoleWithSAML y sts:TagSession para el proveedor SAML).',
  'auth.saml.error.saml-needs-prompt': 'Su proveedor de identidad quiere que vuelva a iniciar sesión.',
};
