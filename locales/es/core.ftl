# Mensajes de Laissez: el núcleo de verificación (credential-core).
#
# Errores: un mensaje por código de error (credential-core/src/error.rs); el id es el código.
# $detail es un detalle técnico (un nombre de miembro, un puntero JSON, una posición del analizador) en inglés.
# Mensajes de comprobación: lo que un informe de verificación dice de cada comprobación (credential-core/src/verify).
# Los valores como identificadores, fechas y URL son argumentos y se muestran tal cual.

## Errores

input_too_large = la entrada ocupa { $size } bytes; el límite es de { $max } bytes
invalid_utf8 = la entrada no es UTF-8 válido
json_too_deep = el JSON tiene más de { $max } niveles de anidamiento
too_many_objects = el JSON tiene más de { $max } objetos
too_many_values = el JSON tiene más de { $max } valores
array_too_long = un array JSON tiene más de { $max } elementos
malformed_json = la entrada no es JSON válido: { $detail }
duplicate_member = un objeto JSON repite un nombre de miembro, { $detail } (I-JSON lo prohíbe: los lectores podrían discrepar sobre su valor)
malformed_document = documento mal formado: { $detail }
invalid_context = @context no válido: { $detail }
unknown_context = contexto JSON-LD desconocido { $url }: no está en el almacén local de contextos (los contextos nunca se descargan)
invalid_type = tipo no válido: { $detail }
invalid_issuer = emisor no válido: { $detail }
invalid_credential_subject = credentialSubject no válido: { $detail }
invalid_date = { $property } no es un dateTimeStamp válido (se requieren fecha, hora y zona horaria): "{ $value }"
invalid_url = { $property } no es una URL: "{ $value }"
invalid_property = { $property } no válido: { $detail }
schema_invalid = no se ajusta al esquema del perfil: { $detail }
unknown_profile = perfil { $profile } desconocido
unknown_preset = preajuste de divulgación desconocido: { $preset }
preset_not_applicable = la credencial no tiene ninguno de los datos que muestra el preajuste { $preset }
claim_not_disclosable = el dato { $pointer } no se puede divulgar de forma selectiva en esta credencial
unsupported_version = versión del modelo de datos no admitida: { $detail }
jsonld_error = error en el procesamiento JSON-LD: { $detail }
data_loss_detected = pérdida de datos detectada: { $detail }; por eso no se firmaría
canonicalization_limit = canonicalización RDF rechazada: { $detail }
invalid_key = clave no válida: { $detail }
weak_key = clave débil rechazada: { $detail }
key_type_mismatch = el tipo de clave no coincide: { $detail }
invalid_multibase = valor multibase no válido: { $detail }
invalid_jwk = JWK no válida: { $detail }
invalid_pem = PEM/PKCS#8 no válido: { $detail }
invalid_did = DID no válido: { $detail }
unresolvable_did = no se puede resolver { $did } sin conexión: solo did:key y did:jwk se resuelven directamente; los demás métodos necesitan un resolvedor (paquete de confianza)
verification_method_not_found = método de verificación no encontrado: { $detail }
proof_missing = el documento no tiene ninguna prueba
malformed_proof = prueba mal formada: { $detail }
base_proof_not_verifiable = esta es una prueba base { $suite }, que solo su titular puede usar: un verificador acepta únicamente una prueba derivada de ella por el titular, que revele lo que se pide
unsupported_cryptosuite = suite criptográfica no admitida "{ $suite }"
invalid_signature = la firma no es válida
invalid_proof_chain = cadena de pruebas no válida: { $detail }
signing_failed = error al firmar: { $detail }
envelope_wrong_prefix = no es un sobre de Laissez: el texto debe empezar por LZ1: (¿otro formato de QR?)
envelope_invalid_base45 = el sobre no es Base45 válido: { $detail }
envelope_truncated = el sobre está truncado
envelope_unknown_encoding = codificación de sobre { $encoding } desconocida (¿un formato más reciente?)
envelope_corrupt = el sobre está dañado: { $detail }
envelope_too_large = el sobre descomprimido ocupa más de { $max } bytes
envelope_too_deep = el CBOR del sobre tiene más de { $max } niveles de anidamiento
envelope_invalid_cbor = el CBOR del sobre no es válido: { $detail }
qr_not_found = no hay ningún código QR legible: { $detail }
unsupported_format = formato de entrada no admitido: { $detail }
cborld_invalid = CBOR-LD no válido: { $detail }
cborld_unknown_registry_entry = este verificador no conoce la entrada { $entry } del registro CBOR-LD (¿un formato más reciente?)
cborld_cannot_encode = CBOR-LD no puede codificar este documento: { $detail }
bundle_unsigned = el paquete de confianza no está firmado
bundle_unknown_anchor = el paquete de confianza está firmado por { $anchor }, que no es un ancla de confianza configurada
bundle_malformed = paquete de confianza mal formado: { $detail }
bundle_rollback = la versión { $offered } del paquete de confianza es anterior a la versión { $loaded } ya cargada (no se permite volver a una versión anterior)
sd_jwt_malformed = SD-JWT mal formado: { $detail }
sd_jwt_unsupported_algorithm = algoritmo de SD-JWT no admitido "{ $alg }" (se admiten las firmas ES256, ES384 y EdDSA y los resúmenes sha-256, sha-384 y sha-512)
disclosure_invalid = una divulgación no es aceptable: { $detail }
disclosure_not_referenced = una divulgación (resumen { $digest }) no está referenciada por la credencial: pertenece a otra credencial o fue alterada
disclosure_digest_duplicate = el resumen { $digest } aparece más de una vez en el SD-JWT
key_binding_missing = la presentación no tiene un JWT de vinculación de clave, y se exige uno
key_binding_invalid = JWT de vinculación de clave no válido: { $detail }
key_binding_mismatch = el JWT de vinculación de clave se creó para otro { $claim }: se esperaba "{ $expected }" y se encontró "{ $found }"
key_binding_stale = el JWT de vinculación de clave se creó hace { $age ->
    [one] { $age } segundo
   *[other] { $age } segundos
}; se acepta como máximo { $max ->
    [one] { $max } segundo
   *[other] { $max } segundos
}
sd_jwt_expired = el SD-JWT caducó el { $date }
sd_jwt_not_yet_valid = el SD-JWT no es válido antes del { $date }
status_list_invalid = token de lista de estados no válido: { $detail }
vc_jwt_malformed = credencial vc+jwt mal formada: { $detail }
unsupported_key_algorithm = las firmas { $algorithm } no se pueden comprobar aquí: esta versión del verificador las deja a la criptografía de la plataforma (WebCrypto, mediante verifyAsync), que falta o no se usó
format_invalid_base45 = el texto del QR no es Base45 válido: { $detail }
format_decompress_failed = los datos comprimidos no se pueden descomprimir: { $detail }
format_too_large = la credencial supera { $max } bytes (texto o descomprimida)
cose_malformed = no es un mensaje COSE bien formado: { $detail }
cose_unsupported_algorithm = el algoritmo de firma { $algorithm } no es compatible con este formato
claim169_missing = el CWT no contiene la declaración de identidad (169)
claim169_encrypted = el código QR de identidad está cifrado y este verificador no tiene clave para descifrarlo
dcc_unsupported_prefix = el contexto de certificado sanitario { $prefix } no es compatible (solo HC1:)
dcc_malformed = contenido de certificado sanitario mal formado: { $detail }
dcc_signer_not_permitted = el firmante de documentos no puede firmar este certificado: { $detail }
shc_malformed = SMART Health Card mal formada: { $detail }

## Mensajes de comprobación

input_well_formed = la entrada es JSON bien formado y dentro de los límites
conforms_to_data_model = es conforme al { $model }
conforms_to_profile = es conforme al esquema del perfil { $profile }
conforms_to_presentation_model = es conforme al modelo de datos VC (presentación)
holder_signed = el titular firmó la presentación
holder_not_signer = ninguna prueba se ha hecho con una clave del titular { $holder }
no_holder = la presentación no indica ningún titular
enveloping_proof = protegida por una firma envolvente ({ $format })
key_binding_verified = la clave del titular firmó esta presentación para { $aud } con el nonce esperado
key_binding_unchecked = la presentación tiene vinculación de clave, pero no se indicó destinatario ni nonce para comprobarla
key_binding_absent = sin vinculación de clave: quien tenga esta presentación puede mostrarla
token_status_other = la lista de estados da el valor { $status }, que este verificador no interpreta
no_trust_bundle = no hay ningún paquete de confianza cargado: no se ha cotejado el emisor con una lista de autoridades reconocidas
no_usable_proof = ninguna prueba utilizable
proof_count = { $count ->
    [one] una prueba
   *[other] { $count } pruebas
}
proofs_verify = todas las pruebas son válidas ({ $suites })
proof_chain_verified = cada previousProof está presente y verificada
no_readable_issuer = ningún emisor legible
proof_did_not_verify = una prueba no es válida
issuer_key_signed = la propia clave del emisor firmó la credencial
signed_by_another_key = el emisor es { $issuer }, pero la credencial la firmó { $signer }
issuer_not_did = el emisor { $issuer } no es un DID; sin un paquete de confianza no se puede confirmar su clave
not_valid_before = la credencial no es válida antes de { $time }
valid_since = válida desde { $time }
no_valid_from = sin inicio de validez
expired_at = la credencial caducó el { $time }
valid_until_time = válida hasta { $time }
no_valid_until = sin fin de validez
issuer_not_in_bundle = { $issuer } no está en el paquete de confianza
issuer_authorised_for_nothing = { $issuer } no está reconocido, por lo que no está autorizado para ningún tipo de credencial
issuer_outside_validity = { $name } solo está reconocido desde { $from } hasta { $until }
no_proof_verified = no se ha verificado ninguna prueba
issuer_key_not_listed = { $name } está reconocido, pero la clave de firma no es ninguna de sus claves registradas
issuer_recognised = { $name } es un emisor reconocido
issuer_recognised_in = { $name } es un emisor reconocido ({ $jurisdiction })
issuer_authorised_for = autorizado para { $types }
issuer_not_authorised_for = { $name } no está autorizado para emitir { $types }
trust_bundle_stale = el paquete de confianza (versión { $version }) tiene { $age ->
    [one] { $age } día
   *[other] { $age } días
} de antigüedad y su próxima actualización ({ $next }) venció hace { $late ->
    [one] { $late } día
   *[other] { $late } días
}: cargue uno más reciente
trust_bundle_fresh = paquete de confianza versión { $version }, emitido hace { $age ->
    [one] { $age } día
   *[other] { $age } días
}; próxima actualización: { $next }
status_not_checked = estado de { $purpose ->
    [suspension] suspensión
   *[revocation] revocación
} no comprobado: no hay configurado ningún paquete de confianza con listas de estado
status_list_missing = estado de { $purpose ->
    [suspension] suspensión
   *[revocation] revocación
} desconocido: el paquete de confianza no tiene ninguna copia de { $list }
status_list_unusable = estado de { $purpose ->
    [suspension] suspensión
   *[revocation] revocación
} desconocido: la lista guardada { $list } no se puede usar ({ $error })
status_list_not_issuers = { $purpose ->
    [suspension] estado de suspensión desconocido: la lista { $list } no es la lista de suspensión del emisor
   *[revocation] estado de revocación desconocido: la lista { $list } no es la lista de revocación del emisor
}
status_set = { $purpose ->
    [suspension] el emisor ha suspendido esta credencial
   *[revocation] el emisor ha revocado esta credencial
} (lista emitida hace { $days ->
    [one] { $days } día
   *[other] { $days } días
})
status_set_undated = { $purpose ->
    [suspension] el emisor ha suspendido esta credencial
   *[revocation] el emisor ha revocado esta credencial
} (fecha de la lista desconocida)
status_clear = { $purpose ->
    [suspension] no suspendida
   *[revocation] no revocada
} (lista emitida hace { $days ->
    [one] { $days } día
   *[other] { $days } días
})
status_clear_undated = { $purpose ->
    [suspension] no suspendida
   *[revocation] no revocada
} (fecha de la lista desconocida)
format_decoded = decodificado como { $format }
payload_conforms = el contenido { $format } tiene los campos que exige su especificación
signing_key_not_in_bundle = la clave de firma { $kid } no está en el paquete de confianza, así que la firma no se puede comprobar
rid_revoked = el emisor revocó esta tarjeta (identificador de revocación { $rid })
rid_not_revoked = la lista de revocación del emisor no incluye esta tarjeta (identificador de revocación { $rid })
unknown_fields = hay campos que este verificador no conoce; se conservan: { $fields }
field_name = Nombre
field_secondary_name = Nombre (segunda lengua)
field_birth_date = Fecha de nacimiento
field_id = Número de identidad
field_nationality = Nacionalidad
field_legal_status = Situación jurídica
field_issuing_country = País de emisión
field_vaccination = Vacunación
field_test = Prueba
field_recovery = Recuperación
field_immunization = Inmunización

## Veredictos (los códigos de veredicto del informe)

verdict_valid = Válida
verdict_issuer_not_checked = Firma válida — emisor no comprobado
verdict_invalid = No válida
verdict_expired = Caducada
verdict_not_yet_valid = Aún no válida
verdict_untrusted = Emisor no reconocido
verdict_revoked = Revocada
verdict_suspended = Suspendida

## Nombres de las comprobaciones (los códigos de comprobación del informe)

check_well_formed = Credencial legible
check_data_model = Formato de la credencial
check_schema_valid = Campos obligatorios
check_proof_present = Firma presente
check_signature_valid = Firma
check_issuer_key_binding = Firmada por el emisor
check_proof_chain = Cadena de firmas
check_holder_binding = Titular
check_valid_from = Válida desde
check_valid_until = Válida hasta
check_issuer_trusted = Emisor reconocido
check_issuer_authorised_for_type = Emisor autorizado para esta credencial
check_trust_data_fresh = Lista de confianza actualizada
check_trust_not_evaluated = Reconocimiento del emisor
check_revocation_status = No revocada
check_suspension_status = No suspendida
check_status_unknown = Estado de revocación
check_credential_status = Estado

## Resultados de las comprobaciones

outcome_pass = correcto
outcome_fail = fallido
outcome_warning = aviso
outcome_skipped = no comprobado
