import type { errorsEn } from './errors-en';

/** Mensajes en español para cada código de error del núcleo; `{name}` se rellena con los params del error. */
export const errorsEs: Readonly<Record<keyof typeof errorsEn, string>> = {
  'error.unknown': 'Algo salió mal. Los detalles están en el registro (código {code}).',
  'error.unknown-method': 'Deskbridge recibió una solicitud que no conoce.',
  'error.invalid-arguments': 'Deskbridge recibió una solicitud con valores que no puede usar ({method}).',
  'error.internal-error': 'Algo salió mal dentro de Deskbridge. Los detalles están en el registro.',
  'error.untrusted-sender': 'Esta solicitud no procede de una ventana de Deskbridge.',
  'error.session-window-refused': 'Una ventana de sesión solo puede gestionar su propia sesión.',
  'error.settings-reset': 'Su archivo de configuración estaba dañado o no se pudo leer, así que Deskbridge empezó con una configuración nueva.',
  'error.policy-ignored': 'La directiva de su organización no se pudo usar y se ignoró. Los detalles explican por qué.',
  'error.org-removed-untrusted': 'Se eliminó «{name}» ({code}): usaba direcciones que solo su departamento de TI puede establecer.',
  'error.stay-signed-in-unavailable':
    'Mantener la sesión iniciada no está disponible: no se pudo usar el llavero de este equipo. Por ahora tiene la sesión iniciada y se le pedirá de nuevo la próxima vez.',
  'error.link-refused': 'Se rechazó un enlace de Deskbridge.',
  'error.unknown-organization': 'Esta organización ya no existe.',
  'error.unknown-link': 'Este enlace ya se respondió.',
  'error.invalid-organization': 'Algunos datos de esta organización no son válidos.',
  'error.untrusted-address': 'Esta organización usa direcciones que solo su departamento de TI puede establecer, así que no se añadió.',
  'error.policy-forbids-adding': 'La directiva de su organización no permite añadir organizaciones.',
  'error.duplicate-organization': '«{name}» ya usa el código {code}.',
  'error.managed-organization': 'Esta organización la gestiona su departamento de TI y no se puede cambiar ni eliminar.',
  'error.invalid-name': 'Introduzca un nombre de 1 a 64 caracteres.',
  'error.invalid-profile-file': 'Este archivo no es un archivo de organización de Deskbridge.',
  'error.profile-file-too-new': 'Este archivo de organización procede de una versión más reciente de Deskbridge. Actualice Deskbridge y vuelva a importarlo.',
  'error.sign-in-cancelled': 'Se canceló el inicio de sesión.',
  'error.sign-in-denied': 'El inicio de sesión se canceló o se rechazó en el navegador.',
  'error.sign-in-timeout': 'El inicio de sesión tardó demasiado, así que Deskbridge dejó de esperar. Inténtelo de nuevo.',
  'error.sign-in-in-progress': 'Ya hay un inicio de sesión pendiente para esta organización. Termínelo en el navegador o cancélelo.',
  'error.sign-in-failed': 'Falló el inicio de sesión.',
  'error.idp-unreachable': 'Deskbridge no pudo acceder a su proveedor de identidad. Compruebe su conexión de red e inténtelo de nuevo.',
  'error.idp-timeout': 'Su proveedor de identidad ({host}) no respondió a tiempo. Compruebe su conexión de red e inténtelo de nuevo.',
  'error.saml-unavailable':
    'El inicio de sesión SAML necesita la ventana de inicio de sesión de Deskbridge, que esta versión de Deskbridge no tiene. Use la aplicación de escritorio o pida a su departamento de TI otra forma de iniciar sesión.',
  'error.saml-idp-status':
    'Su proveedor de identidad no inició su sesión (estado SAML {status}). Pida a su departamento de TI que revise su acceso a la aplicación de AWS.',
  'error.identity-center-no-assignment':
    'IAM Identity Center no le ha asignado el conjunto de permisos {role} en la cuenta {account}. Pida a su departamento de TI que se lo asigne.',
  'error.identity-center-incomplete':
    'IAM Identity Center respondió a {operation} sin lo que necesita un inicio de sesión. Inténtelo de nuevo; si se repite, pida a su departamento de TI que revise Identity Center.',
  'error.sts-region-disabled':
    'AWS STS no está activado en {region} para esta cuenta. Pida a su departamento de TI que lo active en IAM (Configuración de la cuenta → Regiones de STS).',
  'error.role-session-too-long':
    'Su proveedor de identidad pide una sesión más larga de lo que permite el rol {role}. Pida a su departamento de TI que aumente la duración máxima de sesión del rol o que acorte la duración de la sesión en el proveedor de identidad.',
  'error.sign-in-url-insecure':
    'La dirección de la página de inicio de sesión ({origin}) no es segura (https), así que Deskbridge no la abrió. Revise la configuración de la organización.',
  'error.idp-unexpected': '{host} dio una respuesta que Deskbridge no esperaba, así que el inicio de sesión se detuvo. Los detalles dicen más.',
  'error.idp-userinfo-refused':
    'Su proveedor de identidad no dijo quién es usted: su información de usuario fue rechazada o no era válida. Pida a su departamento de TI que revise los claims de la aplicación.',
  'error.idp-invalid-answer':
    'La respuesta que devolvió su proveedor de identidad no era válida, así que Deskbridge no la usó. Inténtelo de nuevo; si se repite, pida a su departamento de TI que revise la configuración de la aplicación.',
  'error.idp-error':
    'Su proveedor de identidad rechazó el inicio de sesión con el error «{error}». Su departamento de TI puede buscarlo en el registro del proveedor de identidad.',
  'error.idp-scope-refused':
    'Su proveedor de identidad rechazó los permisos que pide Deskbridge ({error}). Pida a su departamento de TI que permita los scopes openid, profile, email y offline_access para la aplicación.',
  'error.idp-client-refused':
    'Su proveedor de identidad no acepta Deskbridge para esta organización ({error}). Pida a su departamento de TI que revise el registro de la aplicación: su ID de cliente y la dirección de redirección http://127.0.0.1.',
  'error.idp-discovery-invalid':
    'El proveedor de identidad en {issuer} no se presenta como el configurado para esta organización. Revise la URL del emisor en la configuración de la organización.',
  'error.state-mismatch':
    'La respuesta del navegador no correspondía a este inicio de sesión, así que Deskbridge la ignoró. Inténtelo de nuevo; si se repite, puede que otro programa esté interfiriendo.',
  'error.invalid-id-token': 'La respuesta de su proveedor de identidad no se pudo verificar, así que Deskbridge no la usó.',
  'error.id-token-expired': 'El inicio de sesión de su proveedor de identidad ya ha caducado. Vuelva a iniciar sesión.',
  'error.clock-skew':
    'El reloj de este equipo tiene unos {minutes} minutos de diferencia con el de su proveedor de identidad. Ajuste bien la hora (hora automática) y vuelva a iniciar sesión.',
  'error.role-trust-refused': 'AWS rechazó el rol {role} para este inicio de sesión. Pida a su departamento de TI que revise la política de confianza del rol.',
  'error.aws-refused-token':
    'AWS no aceptó el inicio de sesión de su proveedor de identidad. Pida a su departamento de TI que revise el proveedor de identidad configurado en IAM y la política de confianza del rol.',
  'error.identity-center-refused': 'IAM Identity Center rechazó {operation} ({reason}). Compruebe la URL de inicio y la región de la organización.',
  'error.sign-in-expired': 'Su sesión ha caducado. Vuelva a iniciar sesión para continuar; no se pierde nada de lo que hay en pantalla.',
  'error.sign-in-too-old': 'Inició sesión hace más tiempo del que permite su organización. Vuelva a iniciar sesión para continuar.',
  'error.user-name-missing':
    'Su proveedor de identidad no envió la notificación «{claim}» que contiene su nombre de usuario de WorkSpaces. Pida a su departamento de TI que revise la notificación del nombre de usuario de la organización.',
  'error.user-name-invalid':
    'El nombre de usuario de WorkSpaces que su proveedor de identidad envía en la notificación «{claim}» no se puede usar: AWS acepta de 1 a {max} caracteres. Pida a su departamento de TI que revise la notificación del nombre de usuario de la organización.',
  'error.invalid-user-name': 'Introduzca un nombre de usuario de 1 a {max} caracteres: AWS WorkSpaces no acepta nombres más largos.',
  'error.not-signed-in': 'Inicie sesión primero en esta organización.',
  'error.aws-unreachable': 'Deskbridge no pudo acceder a AWS para iniciar sesión. Compruebe su conexión de red e inténtelo de nuevo.',
  'error.idp-response-too-large':
    'El proveedor de identidad de su organización envió una respuesta mucho mayor de lo que necesita un inicio de sesión, así que Deskbridge dejó de leerla. Inténtelo más tarde; si se repite, contacte con su departamento de TI.',
  'error.idp-sign-in-too-old':
    'Su proveedor de identidad usó un inicio de sesión anterior más antiguo de lo que permite su organización, en lugar de pedirle que vuelva a iniciar sesión. Cierre sesión en su proveedor de identidad en el navegador y vuelva a iniciarla aquí.',
  'error.subject-changed':
    'Su proveedor de identidad respondió por un usuario distinto del que tiene la sesión iniciada, así que Deskbridge terminó esta sesión. Vuelva a iniciar sesión.',
  'error.saml-invalid-response': 'La respuesta de su proveedor de identidad no se pudo leer como respuesta SAML.',
  'error.saml-no-role':
    'Su proveedor de identidad no envió ningún rol de AWS. Pida a su departamento de TI que asigne el atributo de rol en la aplicación de AWS.',
  'error.saml-role-not-offered': 'Este rol no está entre los que le ofrece su proveedor de identidad.',
  'error.saml-assertion-expired':
    'El inicio de sesión de su proveedor de identidad ya había caducado. Vuelva a iniciar sesión; si se repite, compruebe el reloj de este equipo.',
  'error.saml-token-expired':
    'Para AWS, el inicio de sesión de su proveedor de identidad ha caducado. Vuelva a iniciar sesión; si se repite, compruebe el reloj de este equipo.',
  'error.saml-window-closed': 'La ventana de inicio de sesión se cerró antes de terminar.',
  'error.saml-needs-prompt': 'Su proveedor de identidad quiere que vuelva a iniciar sesión.',
  'error.no-role-choice': 'Ahora mismo no hay ningún rol que elegir.',
  'error.no-device-code': 'No hay ningún código pendiente de introducir.',
  'error.browser-failed': 'Deskbridge no pudo abrir su navegador web.',
  'error.desktops.confirmRebuild': 'Escriba el nombre del escritorio ({desktop}) para confirmar la reconstrucción.',
  'error.desktops.computeTarget': 'Este escritorio no puede cambiar a {target}. Permitidos: {allowed}.',
  'error.desktops.volumeNothing': 'Elija un nuevo tamaño para un volumen.',
  'error.desktops.volume.notLarger': 'El nuevo tamaño de un volumen debe ser mayor que el actual.',
  'error.desktops.volume.tooLarge': 'Un volumen puede tener como máximo 2000 GiB.',
  'error.desktops.volume.notWhole': 'El nuevo tamaño de un volumen debe ser un número entero de GiB.',
  'error.desktops.volume.bothAtOnce': 'AWS amplía los volúmenes de uno en uno: cambie el volumen raíz o el de usuario, y el otro cuando haya terminado.',
  'error.desktops.volume.notCombination': 'AWS no ofrece ese tamaño para este volumen con el otro volumen tal como está. Permitidos (GiB): {allowed}.',
  'error.desktops.runningModeTarget': 'El escritorio ya funciona en modo {mode}.',
  'error.desktops.notConnectable': 'El escritorio está en estado {state} y ahora mismo no es posible conectarse.',
  'error.desktops.notFound': 'Este escritorio ya no está en la lista. Puede que se haya eliminado o que se haya cerrado su sesión.',
  'error.desktops.busy': 'Deskbridge ya está trabajando en este escritorio. Espere a que termine.',
  'error.desktops.throttled': 'AWS está limitando las solicitudes en este momento. Deskbridge lo volverá a intentar en breve.',
  'error.desktops.offline': 'Deskbridge no puede acceder a AWS WorkSpaces. Sigue intentándolo.',
  'error.desktops.serverError': 'AWS WorkSpaces no responde correctamente en este momento. Deskbridge lo volverá a intentar.',
  'error.desktops.signInNeeded': 'Su sesión en {org} ha terminado. Vuelva a iniciar sesión para ver sus escritorios.',
  'error.desktops.denied': 'El rol de AWS de su organización no lo permite. Pida a su departamento de TI que revise la política de IAM para WorkSpaces.',
  'error.desktops.noRegion': 'Se desconoce la región de {org}. Edite la organización y elija su región.',
  'error.desktops.directoryNotFound':
    'No se encontró el directorio de WorkSpaces de esta organización. Pida a su departamento de TI que revise el directorio de la organización.',
  'error.desktops.paging':
    'AWS envió la lista de escritorios de una forma que Deskbridge no pudo seguir, así que la carga se detuvo. Actualice para intentarlo de nuevo.',
  'error.desktops.connectTagUnknown': 'Deskbridge no pudo leer cómo conectarse a este escritorio. Inténtelo de nuevo dentro de un momento.',
  'error.desktops.connectFailed': 'El escritorio no se inició: ahora está en estado {state}.',
  'error.desktops.denied.ownerTag':
    'AWS no permitió esto en «{desktop}»: la etiqueta de propietario del escritorio no indica a {user}. Pida a su departamento de TI que ponga su nombre de usuario de WorkSpaces en la etiqueta de propietario de este escritorio.',
  'error.desktops.denied.principalTag':
    'AWS no permitió esto en «{desktop}»: su inicio de sesión no llevaba ninguna etiqueta de entidad principal que coincida con la etiqueta de propietario del escritorio. Pida a su departamento de TI que revise las etiquetas de sesión que envía su proveedor de identidad y luego la política de permisos del rol.',
  'error.desktops.denied.policy':
    'AWS no permitió esto en «{desktop}»: la política de permisos del rol no lo permite. Pida a su departamento de TI que revise esa política.',
  'error.desktops.denied.list':
    'AWS no permitió que {user} viera los escritorios. Pida a su departamento de TI que revise la política de permisos del rol (las acciones Describe de WorkSpaces).',
  'error.desktops.refused.permission': 'Su organización no permite que los usuarios hagan esto por sí mismos. Consulte a su departamento de TI.',
  'error.desktops.refused.state': 'El estado actual del escritorio no lo permite.',
  'error.desktops.refused.runningMode': 'Los escritorios AlwaysOn siempre están en marcha: no se pueden iniciar ni detener.',
  'error.desktops.refused.modification': 'Todavía hay un cambio en curso en este escritorio. Inténtelo de nuevo cuando termine.',
  'error.aws.InvalidResourceState':
    'El escritorio no está en un estado que lo permita ahora mismo. Espere a que termine lo que está haciendo e inténtelo de nuevo.',
  'error.aws.changeTooSoon': 'AWS solo permite este cambio cierto tiempo después del anterior. Los detalles indican cuándo.',
  'error.aws.UnsupportedOperation': 'AWS no lo admite para este escritorio (por ejemplo, un escritorio AlwaysOn no se puede iniciar ni detener).',
  'error.aws.OperationInProgress': 'Todavía hay otro cambio en curso en este escritorio. Inténtelo de nuevo cuando termine.',
  'error.aws.ResourceNotFound': 'AWS ya no conoce este escritorio. Puede que su departamento de TI lo haya eliminado.',
  'error.aws.UnsupportedWorkspaceConfiguration': 'La configuración de este escritorio no permite ese cambio.',
  'error.aws.InvalidParameterValues': 'AWS rechazó la solicitud porque no aceptó un valor. Los detalles indican cuál.',
  'error.aws.ResourceLimitExceeded': 'Su organización ha alcanzado un límite de AWS. Consulte a su departamento de TI.',
  'error.aws.other': 'AWS informó de un problema. Los detalles indican cuál.',
  'error.org-not-found': 'Esta organización ya no está configurada en Deskbridge.',
  'error.desktop-not-found': 'Este escritorio no está en la lista. Actualice la lista e inténtelo de nuevo.',
  'error.connect-setting-invalid':
    '«{desktop}» tiene una configuración de conexión que Deskbridge no puede usar, así que no se ejecutó. Pida a su departamento de TI que la corrija.',
  'error.desktop-not-ready': '«{desktop}» no está disponible (está en estado {state}). Conéctese cuando esté en marcha.',
  'error.handoff-no-handler': 'El cliente de Amazon WorkSpaces no está instalado en este equipo. Instálelo o use Web Access.',
  'error.handoff-refused': 'Deskbridge no pudo crear un enlace seguro para el cliente de WorkSpaces.',
  'error.handoff-failed': 'El cliente de WorkSpaces no se abrió.',
  'error.session-not-found': 'Esta sesión ha terminado. Vuelva a conectarse desde la lista de escritorios.',
  'error.viewer-origin-refused': 'Esta página no puede abrir una conexión a un escritorio.',
  'error.vnc-ticket-limit':
    'Hay demasiadas conexiones a este escritorio abiertas o abriéndose. Cierre una ventana del visor o espere un minuto e inténtelo de nuevo.',
  'error.keychain-unavailable': 'La contraseña no se pudo guardar en el llavero del sistema; se le volverá a pedir la próxima vez.',
  'error.connection-file-failed': 'Deskbridge no pudo escribir el archivo de conexión {protocol} en la carpeta temporal, así que no se abrió el escritorio.',
  'error.rdp-client-missing': 'Este escritorio se conecta por RDP, pero no hay ningún cliente RDP instalado.',
  'error.dcv-client-missing': 'Este escritorio se conecta por DCV, pero Amazon DCV Viewer no está instalado.',
  'error.rdp-client-failed': '{client} no se pudo iniciar o se cerró enseguida; no se abrió el escritorio.',
  'error.dcv-client-failed': '{client} no se pudo iniciar o se cerró enseguida; no se abrió el escritorio.',
  'error.vnc-unreachable': 'No se pudo acceder al escritorio.',
  'error.vnc-server-closed': 'El escritorio cerró la conexión.',
  'error.preference-locked': 'Su departamento de TI establece esta opción, así que no se puede cambiar aquí.',
  'error.desktops.broker.unreachable': 'Deskbridge no puede conectar con el broker de su organización. Sigue intentándolo.',
  'error.desktops.broker.invalidAnswer':
    'El broker de su organización envió una respuesta que Deskbridge no entiende, así que no se usó. Pida a su departamento de TI que compruebe la versión del broker.',
  'error.desktops.broker.notFound':
    'El broker de su organización no reconoce este escritorio como suyo. Puede que se haya eliminado o asignado a otra persona.',
  'error.desktops.broker.invalidRequest': 'El broker de su organización rechazó la solicitud por no ser válida. Los detalles indican el motivo.',
  'error.network.proxyAuth':
    'El proxy {proxy} no aceptó su nombre de usuario y contraseña, por lo que Deskbridge no pudo llegar a {host}. Revíselos e inténtelo de nuevo, o consulte a su departamento de TI.',
  'error.network.proxyCancelled':
    'El proxy {proxy} necesita su nombre de usuario y contraseña para llegar a {host}, y se canceló el inicio de sesión en el proxy.',
  'error.network.proxyUnreachable':
    'Deskbridge no pudo conectar con el proxy {proxy} (de camino a {host}). Revise el proxy en Configuración → Red, o consulte a su departamento de TI.',
  'error.network.tlsInspection':
    'Su red inspecciona el tráfico cifrado y su certificado no es de confianza; pida a TI que lo instale. La conexión con {host} la firmó «{issuer}».',
  'error.network.dns': 'No se encontró el nombre {host} (DNS). Compruebe su conexión de red; si otros sitios funcionan, consulte a su departamento de TI.',
  'error.network.timeout': '{host} no respondió a tiempo. Compruebe su conexión de red e inténtelo de nuevo.',
  'error.network.captivePortal':
    'La red respondió por {host} con su propia página de inicio de sesión (por ejemplo, el Wi-Fi de un hotel o de invitados). Abra una página web en su navegador, complete ese inicio de sesión y vuelva a intentarlo.',
  'error.network.invalidProxyUrl':
    'Introduzca el proxy como http://host:puerto, sin nombre de usuario ni contraseña (Deskbridge los pide cuando el proxy los requiere).',
  'error.network.caFileUnusable': 'No se pudo usar el archivo de certificados: debe ser un archivo PEM legible con al menos un certificado.',
  'error.network.locked': 'Su departamento de TI gestiona esta configuración de red, así que no se puede cambiar aquí.',
  'error.network.noQuestion': 'Esa solicitud de inicio de sesión del proxy ya se respondió o ha caducado.',
};
