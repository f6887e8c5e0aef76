# Messages de Laissez : le cœur de vérification (credential-core).
#
# Erreurs : un message par code d'erreur (credential-core/src/error.rs) ; l'identifiant est le code.
# $detail est un détail technique (un nom de membre, un pointeur JSON, une position d'analyse) en anglais.
# Messages des contrôles : ce qu'un rapport de vérification indique pour chaque contrôle (credential-core/src/verify).
# Les valeurs telles que les identifiants, les dates et les URL sont des arguments et sont affichées telles quelles.

## Erreurs

input_too_large = l'entrée fait { $size } octets ; la limite est de { $max } octets
invalid_utf8 = l'entrée n'est pas en UTF-8 valide
json_too_deep = le JSON est imbriqué sur plus de { $max } niveaux
too_many_objects = le JSON contient plus de { $max } objets
too_many_values = le JSON contient plus de { $max } valeurs
array_too_long = un tableau JSON contient plus de { $max } éléments
malformed_json = l'entrée n'est pas du JSON valide : { $detail }
duplicate_member = un objet JSON répète un nom de membre, { $detail } (I-JSON l'interdit : deux lecteurs pourraient lui attribuer des valeurs différentes)
malformed_document = document mal formé : { $detail }
invalid_context = @context non valide : { $detail }
unknown_context = contexte JSON-LD inconnu { $url } : il ne figure pas dans le magasin de contextes hors ligne (les contextes ne sont jamais téléchargés)
invalid_type = type non valide : { $detail }
invalid_issuer = émetteur non valide : { $detail }
invalid_credential_subject = credentialSubject non valide : { $detail }
invalid_date = { $property } n'est pas un dateTimeStamp valide (date, heure et fuseau horaire requis) : « { $value } »
invalid_url = { $property } n'est pas une URL : « { $value } »
invalid_property = { $property } non valide : { $detail }
schema_invalid = non conforme au schéma du profil : { $detail }
unknown_profile = profil inconnu { $profile }
unknown_preset = préréglage de divulgation inconnu : { $preset }
preset_not_applicable = le justificatif n'a aucune des données que montre le préréglage { $preset }
claim_not_disclosable = la donnée { $pointer } ne peut pas être divulguée sélectivement dans ce justificatif
unsupported_version = version du modèle de données non prise en charge : { $detail }
jsonld_error = échec du traitement JSON-LD : { $detail }
data_loss_detected = perte de données détectée : { $detail } ; le document ne serait donc pas signé
canonicalization_limit = canonicalisation RDF refusée : { $detail }
invalid_key = clé non valide : { $detail }
weak_key = clé trop faible refusée : { $detail }
key_type_mismatch = type de clé incompatible : { $detail }
invalid_multibase = valeur multibase non valide : { $detail }
invalid_jwk = JWK non valide : { $detail }
invalid_pem = PEM/PKCS#8 non valide : { $detail }
invalid_did = DID non valide : { $detail }
unresolvable_did = impossible de résoudre { $did } hors ligne : seuls did:key et did:jwk se résolvent directement ; les autres méthodes nécessitent un résolveur (liste de confiance)
verification_method_not_found = méthode de vérification introuvable : { $detail }
proof_missing = le document ne comporte aucune preuve
malformed_proof = preuve mal formée : { $detail }
base_proof_not_verifiable = ceci est une preuve de base { $suite }, que seul son titulaire peut utiliser : un vérificateur n'accepte qu'une preuve que le titulaire en a dérivée, en révélant ce qui est demandé
unsupported_cryptosuite = suite cryptographique non prise en charge « { $suite } »
invalid_signature = la vérification de la signature a échoué
invalid_proof_chain = chaîne de preuves non valide : { $detail }
signing_failed = échec de la signature : { $detail }
envelope_wrong_prefix = ce n'est pas une enveloppe Laissez : le texte doit commencer par LZ1: (un autre format de QR code ?)
envelope_invalid_base45 = l'enveloppe n'est pas en Base45 valide : { $detail }
envelope_truncated = l'enveloppe est tronquée
envelope_unknown_encoding = encodage d'enveloppe inconnu { $encoding } (un format plus récent ?)
envelope_corrupt = l'enveloppe est endommagée : { $detail }
envelope_too_large = l'enveloppe décompressée dépasse { $max } octets
envelope_too_deep = le CBOR de l'enveloppe est imbriqué sur plus de { $max } niveaux
envelope_invalid_cbor = le CBOR de l'enveloppe n'est pas valide : { $detail }
qr_not_found = aucun QR code lisible : { $detail }
unsupported_format = format d'entrée non pris en charge : { $detail }
cborld_invalid = CBOR-LD non valide : { $detail }
cborld_unknown_registry_entry = l'entrée { $entry } du registre CBOR-LD est inconnue de ce vérificateur (un format plus récent ?)
cborld_cannot_encode = CBOR-LD ne peut pas encoder ce document : { $detail }
bundle_unsigned = la liste de confiance n'est pas signée
bundle_unknown_anchor = la liste de confiance est signée par { $anchor }, qui n'est pas une ancre de confiance configurée
bundle_malformed = liste de confiance mal formée : { $detail }
bundle_rollback = la version { $offered } de la liste de confiance est antérieure à la version { $loaded } déjà chargée (retour en arrière refusé)
sd_jwt_malformed = SD-JWT mal formé : { $detail }
sd_jwt_unsupported_algorithm = algorithme SD-JWT non pris en charge « { $alg } » (sont pris en charge les signatures ES256, ES384 et EdDSA et les condensats sha-256, sha-384 et sha-512)
disclosure_invalid = une divulgation n'est pas acceptable : { $detail }
disclosure_not_referenced = une divulgation (condensat { $digest }) n'est pas référencée par l'attestation : elle provient d'une autre attestation ou a été modifiée
disclosure_digest_duplicate = le condensat { $digest } apparaît plusieurs fois dans le SD-JWT
key_binding_missing = la présentation ne comporte pas de JWT de liaison de clé, alors qu'il est exigé
key_binding_invalid = JWT de liaison de clé non valide : { $detail }
key_binding_mismatch = le JWT de liaison de clé a été créé pour un autre { $claim } : « { $expected } » attendu, « { $found } » trouvé
key_binding_stale = le JWT de liaison de clé a été créé il y a { $age ->
    [one] { $age } seconde
   *[other] { $age } secondes
} ; au plus { $max ->
    [one] { $max } seconde est acceptée
   *[other] { $max } secondes sont acceptées
}
sd_jwt_expired = le SD-JWT a expiré le { $date }
sd_jwt_not_yet_valid = le SD-JWT n'est pas valide avant le { $date }
status_list_invalid = jeton de liste de statuts non valide : { $detail }
vc_jwt_malformed = attestation vc+jwt mal formée : { $detail }
unsupported_key_algorithm = les signatures { $algorithm } ne peuvent pas être vérifiées ici : cette version du vérificateur les confie à la cryptographie de la plateforme (WebCrypto, par verifyAsync), absente ou non utilisée
format_invalid_base45 = le texte du QR n’est pas du Base45 valide : { $detail }
format_decompress_failed = les données compressées ne peuvent pas être décompressées : { $detail }
format_too_large = le justificatif dépasse { $max } octets (texte ou décompressé)
cose_malformed = ce n’est pas un message COSE bien formé : { $detail }
cose_unsupported_algorithm = l’algorithme de signature { $algorithm } n’est pas pris en charge pour ce format
claim169_missing = le CWT ne contient pas de revendication d’identité (169)
claim169_encrypted = le code QR d’identité est chiffré et ce vérificateur n’a pas de clé pour le déchiffrer
dcc_unsupported_prefix = le contexte de certificat sanitaire { $prefix } n’est pas pris en charge (seul HC1: l’est)
dcc_malformed = contenu de certificat sanitaire mal formé : { $detail }
dcc_signer_not_permitted = le signataire de documents n’est pas autorisé à signer ce certificat : { $detail }
shc_malformed = SMART Health Card mal formée : { $detail }

## Messages des contrôles

input_well_formed = l'entrée est du JSON bien formé, dans les limites autorisées
conforms_to_data_model = conforme au { $model }
conforms_to_profile = conforme au schéma du profil { $profile }
conforms_to_presentation_model = conforme au modèle de données VC (présentation)
holder_signed = le titulaire a signé la présentation
holder_not_signer = aucune preuve n'a été produite avec une clé du titulaire { $holder }
no_holder = la présentation ne désigne aucun titulaire
enveloping_proof = sécurisée par une signature enveloppante ({ $format })
key_binding_verified = la clé du titulaire a signé cette présentation pour { $aud } avec le nonce attendu
key_binding_unchecked = la présentation porte une liaison de clé, mais aucun destinataire ni nonce n'a été donné pour la vérifier
key_binding_absent = aucune liaison de clé : quiconque détient cette présentation peut la montrer
token_status_other = la liste de statuts donne la valeur { $status }, que ce vérificateur n'interprète pas
no_trust_bundle = aucune liste de confiance chargée : l'émetteur n'a pas été comparé à une liste d'autorités reconnues
no_usable_proof = aucune preuve exploitable
proof_count = { $count ->
    [one] { $count } preuve
   *[other] { $count } preuves
}
proofs_verify = toutes les preuves sont valides ({ $suites })
proof_chain_verified = chaque previousProof est présente et vérifiée
no_readable_issuer = aucun émetteur lisible
proof_did_not_verify = la vérification d'une preuve a échoué
issuer_key_signed = le justificatif a été signé avec la propre clé de l'émetteur
signed_by_another_key = l'émetteur est { $issuer }, mais le justificatif a été signé par { $signer }
issuer_not_did = l'émetteur { $issuer } n'est pas un DID ; sans liste de confiance, sa clé ne peut pas être confirmée
not_valid_before = le justificatif n'est pas valide avant le { $time }
valid_since = valide depuis le { $time }
no_valid_from = aucune date de début de validité
expired_at = le justificatif a expiré le { $time }
valid_until_time = valide jusqu'au { $time }
no_valid_until = aucune date de fin de validité
issuer_not_in_bundle = { $issuer } ne figure pas dans la liste de confiance
issuer_authorised_for_nothing = { $issuer } n'est pas reconnu ; il n'est donc autorisé pour aucun type de justificatif
issuer_outside_validity = { $name } n'est reconnu que du { $from } au { $until }
no_proof_verified = aucune preuve vérifiée
issuer_key_not_listed = { $name } est reconnu, mais la clé de signature ne fait pas partie de ses clés répertoriées
issuer_recognised = { $name } est un émetteur reconnu
issuer_recognised_in = { $name } est un émetteur reconnu ({ $jurisdiction })
issuer_authorised_for = autorisé pour { $types }
issuer_not_authorised_for = { $name } n'est pas autorisé à émettre { $types }
trust_bundle_stale = la liste de confiance (version { $version }) date de { $age ->
        [one] { $age } jour
       *[other] { $age } jours
    } et a dépassé de { $late ->
        [one] { $late } jour
       *[other] { $late } jours
    } la date de sa prochaine mise à jour ({ $next }) : chargez-en une plus récente
trust_bundle_fresh = liste de confiance version { $version } émise il y a { $age ->
        [one] { $age } jour
       *[other] { $age } jours
    } ; prochaine mise à jour le { $next }
status_not_checked = statut de { $purpose ->
    [suspension] suspension
   *[revocation] révocation
} non vérifié : aucune liste de confiance contenant des listes de statuts n'est configurée
status_list_missing = statut de { $purpose ->
    [suspension] suspension
   *[revocation] révocation
} inconnu : la liste de confiance ne contient pas de copie de { $list }
status_list_unusable = statut de { $purpose ->
    [suspension] suspension
   *[revocation] révocation
} inconnu : la liste en cache { $list } est inutilisable ({ $error })
status_list_not_issuers = statut de { $purpose ->
    [suspension] suspension
   *[revocation] révocation
} inconnu : la liste { $list } n'est pas la liste de { $purpose ->
    [suspension] suspension
   *[revocation] révocation
} de l'émetteur
status_set = { $purpose ->
    [suspension] l'émetteur a suspendu ce justificatif
   *[revocation] l'émetteur a révoqué ce justificatif
} (liste émise il y a { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    })
status_set_undated = { $purpose ->
    [suspension] l'émetteur a suspendu ce justificatif
   *[revocation] l'émetteur a révoqué ce justificatif
} (date de la liste inconnue)
status_clear = { $purpose ->
    [suspension] non suspendu
   *[revocation] non révoqué
} (liste émise il y a { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    })
status_clear_undated = { $purpose ->
    [suspension] non suspendu
   *[revocation] non révoqué
} (date de la liste inconnue)
format_decoded = décodé comme { $format }
payload_conforms = le contenu { $format } a les champs que sa spécification exige
signing_key_not_in_bundle = la clé de signature { $kid } n’est pas dans le lot de confiance : la signature ne peut pas être vérifiée
rid_revoked = l’émetteur a révoqué cette carte (identifiant de révocation { $rid })
rid_not_revoked = la liste de révocation de l’émetteur ne mentionne pas cette carte (identifiant de révocation { $rid })
unknown_fields = des champs inconnus de ce vérificateur sont présents et conservés : { $fields }
field_name = Nom
field_secondary_name = Nom (seconde langue)
field_birth_date = Date de naissance
field_id = Numéro d’identité
field_nationality = Nationalité
field_legal_status = Statut juridique
field_issuing_country = Pays de délivrance
field_vaccination = Vaccination
field_test = Test
field_recovery = Rétablissement
field_immunization = Immunisation

## Verdicts (les codes de verdict du rapport)

verdict_valid = Valide
verdict_issuer_not_checked = Signature valide — émetteur non vérifié
verdict_invalid = Non valide
verdict_expired = Expiré
verdict_not_yet_valid = Pas encore valide
verdict_untrusted = Émetteur non reconnu
verdict_revoked = Révoqué
verdict_suspended = Suspendu

## Noms des contrôles (les codes de contrôle du rapport)

check_well_formed = Justificatif lisible
check_data_model = Format du justificatif
check_schema_valid = Champs obligatoires
check_proof_present = Signature présente
check_signature_valid = Signature
check_issuer_key_binding = Signé par l'émetteur
check_proof_chain = Chaîne de signatures
check_holder_binding = Titulaire
check_valid_from = Début de validité
check_valid_until = Fin de validité
check_issuer_trusted = Émetteur reconnu
check_issuer_authorised_for_type = Émetteur autorisé pour ce justificatif
check_trust_data_fresh = Liste de confiance à jour
check_trust_not_evaluated = Reconnaissance de l'émetteur
check_revocation_status = Non révoqué
check_suspension_status = Non suspendu
check_status_unknown = Statut de révocation
check_credential_status = Statut

## Résultats des contrôles

outcome_pass = réussi
outcome_fail = échoué
outcome_warning = avertissement
outcome_skipped = non vérifié
