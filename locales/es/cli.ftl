# Mensajes de Laissez: la línea de órdenes `laissez` (issuer-cli).
# Las rutas, los identificadores, las órdenes y los nombres de opción son argumentos o texto literal: nunca traduzca
# las órdenes `laissez ...` ni las `--opciones`.

## Inicio

unknown_language = idioma desconocido en --lang; disponibles: { $available }

## Errores de archivo y de registro ($error es el texto propio del sistema operativo o de SQLite)

io_read = no se puede leer { $path }: { $error }
io_write = no se puede escribir { $path }: { $error }
io_create = no se puede crear { $path }: { $error }
io_list = no se puede listar { $path }: { $error }
io_permissions = no se pueden establecer los permisos de { $path }: { $error }
io_temporary = no se puede crear un archivo temporal en { $path }: { $error }
hint_check_path = compruebe la ruta
hint_check_permissions = compruebe los permisos o elija otra ubicación
hint_already_exists = elimínelo o elija otra ruta
registry_error = error del registro: { $detail }
hint_registry_busy = otro proceso de laissez tiene el registro en uso; espere a que termine o deténgalo
database_unsupported = base de datos de registro «{ $scheme }» no admitida: indique una ruta SQLite, sqlite://RUTA o una URL postgres://
database_bad_url = URL de conexión PostgreSQL no válida: { $detail }
hint_registry_unreachable = compruebe que PostgreSQL está en marcha y acepta conexiones en la URL de --database (o LAISSEZ_DATABASE)
hint_registry_corrupt = el archivo del registro está dañado; restáurelo desde una copia de seguridad
hint_registry_readonly = compruebe que se puede escribir en el directorio del emisor

## laissez verify: el informe de texto

report_credential = credencial   { $id }
report_issuer = emisor       { $issuer }
report_issuer_named = emisor       { $name } ({ $issuer })
report_type = tipo         { $types }
report_valid_from = válida desde { $time }
report_valid_until = válida hasta { $time }
report_trust_bundle = confianza    paquete { $id }, versión { $version }, emitido { $issued } ({ $age ->
        [one] { $age } día de antigüedad
       *[other] { $age } días de antigüedad
    })
report_no_trust_bundle = confianza    no se indicó ningún paquete (--bundle): el emisor no se ha comprobado
report_checks = comprobaciones:
# La columna de resultado de cada comprobación (breve; las mayúsculas señalan un fallo).
report_pass = ok
report_fail = FALLO
report_warn = aviso
report_skip = omitida
report_disclosed = datos divulgados ({ $count }); el titular retuvo todos los demás:
report_format = formato: { $format }

## Archivos de entrada y opciones (comunes)

file_error = { $path }: { $error }
file_not_utf8 = { $path } no está en UTF-8
file_too_large = { $path } ocupa más de { $max } bytes; no se leerá
option_error = { $option }: { $error }
time_invalid = { $option } "{ $value }" no es una fecha y hora RFC 3339 con zona horaria (p. ej., 2030-01-01T00:00:00Z)
passphrase_empty = { $path } contiene una frase de contraseña vacía
serialise_file = no se puede serializar { $path }: { $detail }
serialise_config = no se puede serializar la configuración: { $detail }
serialise_credential = no se puede serializar la credencial: { $detail }
serialise_key_file = no se puede serializar el archivo de clave { $path }: { $detail }
serialise_registry_entry = no se puede serializar la entrada del registro de { $id }: { $detail }
serialise_report = no se puede serializar el informe: { $detail }
serialise_decoded_credential = no se puede serializar la credencial decodificada: { $detail }
internal_not_object = error interno: el documento no es un objeto
internal_raster_size = error interno: el tamaño de la imagen no coincide

## laissez init y el directorio del emisor

init_done = se ha creado el directorio del emisor { $path }
init_bad_status_url = --status-base-url "{ $url }" no es una URL
home_not_found = no hay ningún directorio del emisor en { $path }
hint_home_init = ejecute primero `laissez init { $path }` o indique --home
home_invalid_config = { $path } no es una configuración válida: { $detail }
home_exists = { $path } ya contiene un directorio del emisor; no se sobrescribirá
hint_choose_another_directory = elija otro directorio

## laissez key

key_list_default = (predeterminada)
key_list_encrypted = cifrada
key_show_name = nombre      { $value }
key_show_algorithm = algoritmo   { $value }
key_show_multikey = multikey    { $value }
key_show_jwk = jwk         { $value }
key_show_did_key = did:key     { $value }
key_show_did_jwk = did:jwk     { $value }
key_invalid_name = nombre de clave no válido "{ $name }": use de 1 a 64 letras, cifras, '-' o '_'
key_exists = ya existe una clave llamada { $name }; elija otro --name
key_not_found = no hay ninguna clave llamada { $name }
hint_see_key_list = consulte `laissez key list`
key_file_invalid = { $path } no es un archivo de clave de laissez: { $detail }
key_encrypted_no_passphrase = la clave { $name } está cifrada: defina LAISSEZ_PASSPHRASE o indique --passphrase-file
key_wrong_passphrase = frase de contraseña incorrecta para la clave { $name }
key_kdf_parameters = parámetros KDF del archivo de clave incorrectos: { $detail }
key_derivation_failed = error en la derivación de la clave: { $detail }
key_encryption_failed = error en el cifrado
key_file_corrupt = archivo de clave dañado
key_file_corrupt_salt = sal del archivo de clave dañada
key_file_corrupt_nonce = nonce del archivo de clave dañado
key_file_unsupported_encryption = parámetros de cifrado del archivo de clave no admitidos
key_file_no_secret = el archivo de clave { $name } no tiene clave secreta
key_file_inconsistent = el archivo de clave { $name } es incoherente: su clave secreta no corresponde a su clave pública
key_jwk_no_secret = la JWK no tiene el miembro privado d: la importación necesita una clave secreta
key_unknown_format = { $path }: se esperaba una clave secreta PEM/PKCS#8, JWK o Multikey
key_export_refuse_terminal = no se mostrará una clave secreta en un terminal: use --out ARCHIVO

## laissez issue

issue_done = emitida { $id } ({ $profile }, { $suite }) -> { $path }
issue_unknown_profile = perfil desconocido "{ $profile }" (disponibles: { $available })
issue_unknown_suite = suite desconocida "{ $suite }"
issue_suite_hint = use { $suites }
issue_key_suite_mismatch = la clave { $key } es { $algorithm }, pero { $suite } necesita { $needed }; elija otra --key u otra --suite
issue_valid_until_past = --valid-until está en el pasado
issue_already_issued = la ficha { $record } ya se emitió como { $id }
hint_issue_already_issued = consulte `laissez registry show { $id }`; indique otro --record-id para emitirla de nuevo
issue_no_output_dir = el directorio de salida { $path } no existe
issue_unknown_securing = mecanismo de protección desconocido "{ $securing }"
issue_securing_hint = use { $names }
issue_selective_needs_profile = { $securing } necesita un perfil (--profile): sus reglas de divulgación indican qué datos son obligatorios y cuáles selectivos
issue_ecdsa_sd_needs_p256 = la clave { $key } es { $algorithm }, pero ecdsa-sd-2023 necesita una clave P-256
hint_issue_p256_key = cree una con `laissez key generate --alg p256` e indíquela con --key
issue_holder_key_conflict = ficha { $record }: --holder-key no es la clave del identificador del sujeto
issue_holder_key_missing = ficha { $record }: una SD-JWT VC está vinculada a la clave de su titular, y el identificador del sujeto no es un did:key ni un did:jwk
hint_issue_holder_key = dé al sujeto un identificador did:key o did:jwk, o indique a `laissez issue` la clave pública del titular con --holder-key (PEM, JWK, Multikey, did:key o did:jwk)
record_not_object = la ficha de un sujeto debe ser un objeto JSON
record_id_not_string = recordId debe ser una cadena no vacía
record_id_missing = falta recordId
record_id_too_long = recordId tiene más de { $max } caracteres
record_no_claims = el sujeto no tiene ningún dato

## laissez issue-batch

batch_jobs_zero = --jobs debe ser al menos 1
batch_too_large = { $path } ocupa más de { $max } bytes; divida el lote
batch_bad_extension = { $path }: use un archivo .csv (con una columna record_id) o .jsonl
batch_bad_csv_header = { $path }: encabezado CSV incorrecto: { $detail }
batch_no_record_id_column = { $path }: el encabezado CSV necesita una columna record_id
batch_malformed_csv_row = fila CSV mal formada: { $detail }
batch_empty_record_id = record_id vacío
batch_duplicate_record = id de ficha duplicado { $id }
batch_thread_panicked = el hilo de firma ha fallado de forma inesperada
# La barra de progreso: "<barra> 12/100 credenciales  35/s  quedan 3s".
batch_progress_bar_unit = credenciales
batch_progress_bar_eta = quedan
batch_progress = progreso: { $done }/{ $total } { $total ->
        [one] fila
       *[other] filas
    } ({ $rate }/s)
batch_summary = { $total ->
        [one] { $total } fila
       *[other] { $total } filas
    }: emitidas { $issued }, omitidas { $skipped } (ya emitidas), fallidas { $failed }  [{ $seconds } s, { $rate } credenciales/s]
batch_failed_row = fila { $row }: { $reason }
batch_more_failed = … y { $count ->
        [one] { $count } fila fallida más
       *[other] { $count } filas fallidas más
    }

## laissez revoke, suspend, reinstate y status publish

status_already_revoked = { $id }: ya estaba revocada; ejecute `laissez status publish` y distribuya un nuevo paquete de confianza
status_revoked = { $id }: revocada (permanente); ejecute `laissez status publish` y distribuya un nuevo paquete de confianza
status_suspended = { $id }: suspendida; ejecute `laissez status publish` y distribuya un nuevo paquete de confianza
status_not_suspended = { $id }: no está suspendida; no hay nada que reactivar; ejecute `laissez status publish` y distribuya un nuevo paquete de confianza
status_reinstated = { $id }: reactivada; ejecute `laissez status publish` y distribuya un nuevo paquete de confianza
status_suspend_revoked = { $id } está revocada; suspenderla no cambia nada
status_reinstate_revoked = { $id } está revocada; la revocación es permanente
status_no_suspension_entry = { $id } (ficha { $record }): suspensión rechazada; tal como se emitió no lleva ninguna entrada de estado de suspensión, así que ningún verificador leería nunca una suspensión; no se ha cambiado nada
status_no_revocation_entry = { $id } (ficha { $record }): revocación rechazada; tal como se emitió no lleva ninguna entrada de estado de revocación de este emisor, así que ningún verificador leería nunca una revocación; no se ha cambiado nada
status_purposes_unknown = { $id } (ficha { $record }): rechazado; el registro no sabe qué entradas de estado lleva (una fila anterior a que laissez las registrara, cuya credencial almacenada no se pudo leer); no se ha cambiado nada
hint_status_revoke_instead = puede revocarse de forma permanente con `laissez revoke { $id }`; solo una credencial emitida con una entrada de suspensión (sin --compact) puede suspenderse
hint_status_no_entry = sigue siendo válida hasta que caduque; una credencial que trajo su propio credentialStatus cambia de estado en las listas que nombra esa entrada
hint_status_purposes_unknown = léala con `laissez registry show { $id }`; si lleva la entrada, anótelo en la columna status_purposes del registro (README: revocación y suspensión)
status_nothing_to_publish = todavía no se ha emitido nada: no hay ninguna lista de estado que publicar
status_published = { $url }  { $entries ->
        [one] { $entries } entrada
       *[other] { $entries } entradas
    }, { $set ->
        [one] { $set } marcada
       *[other] { $set } marcadas
    }  -> { $path }
status_published_token = { $uri }  { $entries ->
        [one] { $entries } entrada
       *[other] { $entries } entradas
    }, { $set ->
        [one] { $set } no válida
       *[other] { $set } no válidas
    }  -> { $path }

## laissez registry

registry_missing = no hay ningún registro en { $path }
hint_run_init = ejecute `laissez init`
registry_no_credential = no hay ninguna credencial { $id } en el registro
hint_see_registry_list = consulte `laissez registry list`
registry_schema_newer = el registro tiene la versión de esquema { $found }, más reciente que la de este laissez ({ $supported }); actualice laissez
registry_row_no_text = la fila del registro de { $id } no contiene el texto de la credencial
hint_registry_row_corrupt = el registro está dañado; restáurelo desde una copia de seguridad
registry_row_not_json = la fila del registro de { $id } contiene una credencial que no es JSON: { $detail }
hint_restore_registry = restaure el registro desde una copia de seguridad
# Nombres de las columnas de `laissez registry list` (una tabla separada por tabuladores).
registry_column_id = id de la credencial
registry_column_profile = perfil
registry_column_suite = suite
registry_column_issued_at = emitida el
registry_column_status_index = índice de estado
registry_column_digest = resumen (sha256)
registry_column_status_purposes = finalidades de estado

## laissez bundle

bundle_created = se ha creado el paquete sin firmar { $path } (añada los emisores y después fírmelo)
bundle_not_object = el paquete no es un objeto JSON
bundle_not_array = { $member } no es un array
bundle_wrong_type = { $path } no es un paquete de confianza (tipo { $bundle_type })
bundle_signature_removed = nota: el paquete estaba firmado; se ha eliminado la firma (fírmelo de nuevo)
bundle_bad_name = --name "{ $value }": use IDIOMA=TEXTO, p. ej., es="Registro Civil"
bundle_bad_valid_until = --valid-until "{ $value }" no es una fecha y hora RFC 3339
bundle_did_needs_key = --did necesita al menos una --key (clave pública Multikey)
bundle_no_issuer_source = indique --from-home DIRECTORIO, o --did DID con --key CLAVE
bundle_bad_context = --context "{ $value }": use URL=ARCHIVO
bundle_status_list_no_id = { $path }: una credencial de lista de estado necesita un id de tipo cadena (su URL)
bundle_did_document_no_id = { $path }: un documento DID necesita un id que sea un DID
bundle_bad_anchor = --anchor { $anchor }: { $error }
hint_anchor = indique una clave Multikey o un did:key
bundle_added_issuer = emisor { $did }
bundle_added_status_list = lista de estado { $id }
bundle_added_status_token = lista de estado de tokens { $uri }
bundle_status_token_unverified = { $path }: no es una lista de estado de tokens firmada por una clave de este directorio, o ha caducado
bundle_added_context = contexto { $url } (sha256 { $sha256 })
bundle_added_did_document = documento DID { $id }
bundle_added_dcc_signers = { $count ->
    [one] se añadió un firmante de documentos EU DCC
   *[other] se añadieron { $count } firmantes de documentos EU DCC
}
bundle_added_shc_issuer = se añadió el emisor de SMART Health Cards { $iss }
bundle_added_claim169_keys = { $count ->
    [one] se añadió una clave Claim 169 para { $iss }
   *[other] se añadieron { $count } claves Claim 169 para { $iss }
}
bundle_signed = se ha firmado { $path } con el ancla { $anchor } ({ $suite })
bundle_signature_valid = firma: válida (ancla { $anchor })
bundle_signature_not_checked = firma: no comprobada (indique --anchor para comprobarla)
bundle_inspect_version = versión     { $value }
bundle_inspect_issued = emitido     { $value }
bundle_inspect_next_update = nextUpdate  { $value }
bundle_inspect_issuer = emisor      { $id }  { $name }  tipos: { $types }
bundle_inspect_status_list = lista de estado { $id }  ({ $purpose })

## laissez verify

verify_bundle_error = paquete de confianza { $path }: { $error } [{ $code }]

## laissez qr

qr_unknown_encoding = codificación desconocida "{ $encoding }"
qr_encoding_hint = use generic, generic-dict, cborld, cborld-zlib o smallest
qr_print_mm_positive = --print-mm debe ser positivo
qr_summary = carga útil de { $bytes } bytes ({ $characters } caracteres, { $encoding }), QR versión { $version }, ECC { $ecc }, { $width }×{ $width } módulos
qr_summary_print = carga útil de { $bytes } bytes ({ $characters } caracteres, { $encoding }), QR versión { $version }, ECC { $ecc }, { $width }×{ $width } módulos, { $mm } mm a { $dpi } ppp = { $px } px/módulo
qr_decode_unrecognised = { $input }: no es una imagen QR (PNG, JPEG) ni un texto de sobre que empiece por { $prefix }
qr_png_encode = no se puede codificar el PNG: { $detail }
qr_image_unreadable = no se puede leer la imagen: { $detail }

## laissez demo

demo_step_home = 1. Creando un directorio del emisor en { $path }
demo_step_issue = 2. Emitiendo una credencial por perfil, y la de identidad legal con cada suite
demo_issued = { $id } ({ $bytes } bytes de JSON, { $qr })
demo_qr_summary = QR v{ $version } con { $characters } caracteres
demo_step_verify = 3. Verificando (sin conexión, solo con los contextos incluidos; aún sin paquete de confianza, así que, como mucho, la firma es válida y el emisor no se ha comprobado)
demo_step_tamper = 4. Manipulando una credencial (cambio de nacionalidad) y verificándola de nuevo
demo_tampered = manipulada
demo_step_trust = 5. Confianza sin conexión: listas de estado, un paquete de confianza firmado por un ancla, revocación
# Etiquetas de las líneas de la demostración de confianza (rellenadas hasta 12 caracteres).
demo_trusted = confiable
demo_untrusted = no confiable
demo_revoked = revocada
demo_unrecognised_issuer = { $profile } (emisor no reconocido)
demo_step_disclosure = 6. Divulgación mínima: el titular muestra solo lo que un fin requiere (ecdsa-sd-2023, y SD-JWT VC vinculada a su clave)
demo_disclosure_shown = mostrado: { $fields }
demo_disclosure_hidden = oculto:   { $fields }
demo_disclosure_checked = { $bytes } bytes; el informe enumera exactamente los datos mostrados; { $count ->
        [one] { $count } valor oculto comprobado ausente
       *[other] { $count } valores ocultos comprobados ausentes
    } de la presentación
demo_disclosure_report_differs = el informe de verificación no enumera exactamente los datos mostrados
demo_disclosure_leak = { $securing }: la presentación muestra el dato oculto { $pointer }
demo_step_files = 7. Archivos
demo_file_home = directorio del emisor  { $path }
demo_file_credentials = credenciales           { $path }
demo_file_registry = registro               { $path }
demo_file_bundle = paquete de confianza   { $path }
demo_try = pruebe: laissez verify { $path }
demo_complete = demostración completada: { $count ->
        [one] { $count } credencial válida
       *[other] { $count } credenciales válidas
    }, la manipulada rechazada; se han mostrado los casos confiable, no confiable y revocada
demo_unexpected = demostración: un resultado no fue el esperado
demo_bad_sample = ejemplo incorporado: { $detail }
demo_internal = error interno: { $detail }

## laissez present

present_not_selective_credential = { $path } no es una credencial con prueba base ecdsa-sd-2023 ni una SD-JWT VC
hint_present_issue_selective = emítala con `laissez issue --securing ecdsa-sd-2023` o `--securing sd-jwt`
present_no_profile = la credencial no es de ningún perfil Laissez, así que no tiene reglas de divulgación
present_list_heading = ajustes predefinidos de { $profile }:
present_unknown_preset = ajuste predefinido "{ $preset }" desconocido para { $profile } [{ $code }]; ajustes: { $presets }
present_nothing_chosen = elija qué mostrar con --preset NOMBRE o --disclose PUNTERO
hint_present_presets = ajustes predefinidos: { $presets }
present_pointer_not_selective = { $pointer } no es un dato de divulgación selectiva de esta credencial
hint_present_selective = datos selectivos: { $pointers }
present_binding_partial = vincular una presentación requiere --holder-key, --challenge (--nonce) y --domain (--aud) a la vez; falta: { $missing }
present_no_holder_binding = esta SD-JWT VC no indica ninguna clave de titular (cnf), así que no puede vincularse a una clave
present_holder_key_mismatch = --holder-key no es la clave de titular a la que está vinculada esta SD-JWT VC
hint_present_holder_key = use la clave cuya parte pública vinculó el emisor (el did:key del sujeto o la --holder-key dada a `laissez issue`)
present_no_out = --out es obligatorio
present_preset = ajuste predefinido { $name }: { $label }
present_shown = mostrado ({ $count }):
present_hidden = oculto ({ $count }):
present_bound = vinculada a { $domain } con el desafío { $challenge }
present_written = presentación escrita en { $path } ({ $bytes } bytes)
present_qr_written = código QR escrito en { $path } (v{ $version }, { $characters } caracteres)

## laissez serve
serve_bad_config = { $path }: rate_per_second, registry_connections, token_lifetime_seconds y status_index_block (como máximo 1000000) deben ser mayores que cero
serve_key_added = clave de API { $id } creada; su token, que solo se muestra ahora:
serve_key_none = no hay claves de API
serve_key_revoked_state = revocada
serve_key_active_state = activa
serve_key_line = { $id }  { $scopes }  { $state }  { $created }  { $label }
serve_key_unknown = no existe la clave de API { $id } (véase `laissez serve key list`)
serve_key_revoked = clave de API { $id } revocada
serve_tls_error = la configuración TLS falló: { $detail }
serve_tls_pem = { $path }: archivo PEM inutilizable: { $detail }
serve_rate_limited = demasiadas solicitudes de este cliente; inténtelo más tarde
serve_timeout = la solicitud tardó más de { $seconds } s
serve_body_too_large = el cuerpo de la solicitud supera los { $max } bytes
serve_internal_error = error interno del servidor (véase el registro del servidor)
serve_member_not_object = «{ $member }» debe ser un objeto JSON
serve_option_not_string = la opción «{ $option }» tiene un tipo incorrecto
serve_unknown_cryptosuite = conjunto criptográfico desconocido «{ $suite }»
serve_unknown_issuer = no hay ninguna clave de emisor llamada «{ $key }»
serve_key_suite_mismatch = la clave { $key } no puede firmar con { $suite }
serve_no_key_for_suite = ninguna clave de este servidor puede firmar con { $suite }
serve_issuer_mismatch = el emisor de la credencial debe ser { $issuer } (la clave de este punto de acceso) o estar ausente
serve_missing_member = la solicitud no tiene «{ $member }»
serve_unsupported_proof_type = tipo de prueba no admitido «{ $proof_type }»; este servidor produce DataIntegrityProof
serve_id_too_long = un identificador de credencial o de registro supera los { $max } bytes
serve_already_issued = ya se emitió una credencial con este identificador o para este registro
serve_status_set = la lista de { $purpose } del emisor tiene activado el bit de esta credencial
serve_unsupported_status_type = solo se puede cambiar un estado BitstringStatusListEntry
serve_unknown_status_purpose = statusPurpose debe ser revocation o suspension
serve_status_not_boolean = «status» debe ser true o false
serve_unknown_status_list = lista de estado desconocida
serve_unauthenticated = se necesita una clave de API válida (Authorization: Bearer <token>)
serve_forbidden = esta clave de API no tiene el alcance { $scope }
serve_token_expired = el token de acceso ha caducado; obtenga uno nuevo en /oauth/token
serve_client_added = cliente OAuth2 { $id } creado (su client_id); su secreto, que solo se muestra ahora:
serve_client_none = no hay clientes OAuth2
serve_client_unknown = no existe el cliente OAuth2 { $id } (véase `laissez serve client list`)
serve_client_revoked = cliente OAuth2 { $id } revocado; sus tokens de acceso se rechazan a partir de ahora
serve_oauth_invalid_request = la solicitud de token requiere grant_type=client_credentials, cada parámetro una sola vez y las credenciales del cliente en un solo lugar (RFC 6749 § 4.4)
serve_oauth_unsupported_grant = solo se admite grant_type=client_credentials
serve_oauth_invalid_client = cliente desconocido o revocado, o secreto incorrecto
serve_oauth_invalid_scope = este cliente no puede tener el alcance «{ $scope }»
serve_body_not_object = el cuerpo de la solicitud debe ser un objeto JSON
serve_not_found = punto de acceso desconocido
serve_start_failed = el servidor no pudo arrancar: { $detail }
serve_bind_failed = no se puede escuchar en { $address }: { $detail }
serve_listening = escuchando en { $url }
serve_stopped = detenido
serve_vc_1_1_not_issued = las credenciales VC 1.1 se verifican pero nunca se emiten; use el contexto VC 2.0
serve_already_secured = la credencial que se quiere emitir ya tiene una prueba
serve_invalid_shape = «{ $property }» no tiene la forma que exige el modelo de datos VC 2.0

## laissez print: tarjetas imprimibles

print_bad_layout = formato desconocido { $layout }; use id1, a6 o a4
print_bad_output = { $path }: la tarjeta se escribe como .pdf o .svg
print_bad_lang = --labels { $lang }: uno o dos de { $available }, separados por una coma
print_not_valid = no se imprime: la credencial es { $verdict }
print_font_missing = no se encuentra la fuente { $font } en /usr/share/fonts (ni en $LAISSEZ_FONT_DIR)
print_no_font_for = ninguna fuente instalada tiene todos los caracteres de «{ $text }»
hint_print_fonts = instale los paquetes de Debian fonts-noto-core (y fonts-noto-cjk para nombres en han), o defina LAISSEZ_FONT_DIR
print_qr_too_dense = un código QR de versión { $version } tendría módulos de { $module } mm en este formato, menos de los 0,4 mm que un teléfono lee en una fotocopia
hint_print_compact = emita la credencial con --compact, o elija un --layout mayor
print_pdf_failed = no se puede escribir el PDF: { $detail }
print_written = tarjeta escrita en { $path } (QR v{ $version }, { $characters } caracteres, módulos de { $module } mm)
print_title_generic = Credencial
print_issuer = Emisor
print_valid_from = Válida desde
print_valid_until = Válida hasta
print_yes = sí
print_no = no

# laissez issue --portrait, laissez verify --photo-out (decisión 0023)
portrait_not_an_image = el retrato { $path } no es una imagen JPEG ni PNG
portrait_too_large = el retrato { $path } mide { $width } × { $height } píxeles; como máximo { $max } por lado
portrait_undecodable = el retrato { $path } no se puede decodificar: { $detail }
verify_photo = Retrato (firmado): { $media }, { $width } × { $height } píxeles, { $bytes } bytes
verify_photo_unsized = Retrato (firmado): { $media }, { $bytes } bytes
verify_no_photo = no se escribió ningún retrato: la credencial no lleva un retrato verificado
verify_photo_written = retrato escrito en { $path }
