# Messages de Laissez : la ligne de commande `laissez` (issuer-cli).
# Les chemins, identifiants, commandes et noms d'options sont des arguments ou du texte littéral : ne jamais traduire
# les commandes `laissez ...` ni les `--options`.

## Démarrage

unknown_language = langue inconnue (--lang) ; langues disponibles : { $available }

## Erreurs de fichiers et du registre ($error est le texte du système d'exploitation ou de SQLite)

io_read = impossible de lire { $path } : { $error }
io_write = impossible d'écrire { $path } : { $error }
io_create = impossible de créer { $path } : { $error }
io_list = impossible de lister le contenu de { $path } : { $error }
io_permissions = impossible de définir les permissions de { $path } : { $error }
io_temporary = impossible de créer un fichier temporaire dans { $path } : { $error }
hint_check_path = vérifiez le chemin
hint_check_permissions = vérifiez les permissions, ou choisissez un autre emplacement
hint_already_exists = supprimez-le ou choisissez un autre chemin
registry_error = erreur du registre : { $detail }
hint_registry_busy = un autre processus laissez utilise le registre ; attendez qu'il se termine ou arrêtez-le
database_unsupported = base de registre « { $scheme } » non prise en charge : indiquez un chemin SQLite, sqlite://CHEMIN ou une URL postgres://
database_bad_url = URL de connexion PostgreSQL invalide : { $detail }
hint_registry_unreachable = vérifiez que PostgreSQL tourne et accepte les connexions à l'URL de --database (ou LAISSEZ_DATABASE)
hint_registry_corrupt = le fichier du registre est endommagé ; restaurez-le à partir d'une sauvegarde
hint_registry_readonly = vérifiez que le répertoire émetteur est accessible en écriture

## laissez verify : le rapport texte

report_credential = justificatif      { $id }
report_issuer = émetteur          { $issuer }
report_issuer_named = émetteur          { $name } ({ $issuer })
report_type = type              { $types }
report_valid_from = début de validité { $time }
report_valid_until = fin de validité   { $time }
report_trust_bundle = confiance         liste { $id }, version { $version }, émise le { $issued } (il y a { $age ->
        [one] { $age } jour
       *[other] { $age } jours
    })
report_no_trust_bundle = confiance         aucune liste fournie (--bundle) : l'émetteur n'a pas été vérifié
report_checks = contrôles :
# La colonne de résultat de chaque contrôle (court ; les majuscules signalent un échec).
report_pass = réussi
report_fail = ÉCHEC
report_warn = alerte
report_skip = ignoré
report_disclosed = données divulguées ({ $count }) ; le titulaire a retenu toutes les autres :
report_format = format : { $format }

## Fichiers d'entrée et options (communs)

file_error = { $path } : { $error }
file_not_utf8 = { $path } n'est pas en UTF-8
file_too_large = { $path } dépasse { $max } octets ; lecture refusée
option_error = { $option } : { $error }
time_invalid = { $option } « { $value } » n'est pas une date-heure RFC 3339 avec fuseau horaire (par ex. 2030-01-01T00:00:00Z)
passphrase_empty = { $path } contient une phrase secrète vide
serialise_file = impossible de sérialiser { $path } : { $detail }
serialise_config = impossible de sérialiser la configuration : { $detail }
serialise_credential = impossible de sérialiser le justificatif : { $detail }
serialise_key_file = impossible de sérialiser le fichier de clé { $path } : { $detail }
serialise_registry_entry = impossible de sérialiser l'entrée du registre pour { $id } : { $detail }
serialise_report = impossible de sérialiser le rapport : { $detail }
serialise_decoded_credential = impossible de sérialiser le justificatif décodé : { $detail }
internal_not_object = erreur interne : le document n'est pas un objet
internal_raster_size = erreur interne : taille d'image matricielle incohérente

## laissez init et le répertoire émetteur

init_done = répertoire émetteur { $path } créé
init_bad_status_url = --status-base-url « { $url } » n'est pas une URL
home_not_found = aucun répertoire émetteur à l'emplacement { $path }
hint_home_init = exécutez d'abord `laissez init { $path }`, ou indiquez --home
home_invalid_config = { $path } n'est pas une configuration valide : { $detail }
home_exists = { $path } contient déjà un répertoire émetteur ; écrasement refusé
hint_choose_another_directory = choisissez un autre répertoire

## laissez key

key_list_default = (par défaut)
key_list_encrypted = chiffrée
key_show_name = nom         { $value }
key_show_algorithm = algorithme  { $value }
key_show_multikey = multikey    { $value }
key_show_jwk = jwk         { $value }
key_show_did_key = did:key     { $value }
key_show_did_jwk = did:jwk     { $value }
key_invalid_name = nom de clé non valide « { $name } » : utilisez de 1 à 64 lettres, chiffres, '-' ou '_'
key_exists = une clé nommée { $name } existe déjà ; choisissez un autre --name
key_not_found = aucune clé nommée { $name }
hint_see_key_list = voir `laissez key list`
key_file_invalid = { $path } n'est pas un fichier de clé laissez : { $detail }
key_encrypted_no_passphrase = la clé { $name } est chiffrée : définissez LAISSEZ_PASSPHRASE ou indiquez --passphrase-file
key_wrong_passphrase = phrase secrète incorrecte pour la clé { $name }
key_kdf_parameters = paramètres KDF du fichier de clé incorrects : { $detail }
key_derivation_failed = échec de la dérivation de clé : { $detail }
key_encryption_failed = échec du chiffrement
key_file_corrupt = fichier de clé endommagé
key_file_corrupt_salt = sel du fichier de clé endommagé
key_file_corrupt_nonce = nonce du fichier de clé endommagé
key_file_unsupported_encryption = paramètres de chiffrement du fichier de clé non pris en charge
key_file_no_secret = le fichier de clé { $name } ne contient pas de clé secrète
key_file_inconsistent = le fichier de clé { $name } est incohérent : sa clé secrète ne correspond pas à sa clé publique
key_jwk_no_secret = le JWK n'a pas de membre privé d : l'importation nécessite une clé secrète
key_unknown_format = { $path } : une clé secrète PKCS#8 PEM, JWK ou Multikey est attendue
key_export_refuse_terminal = affichage d'une clé secrète dans un terminal refusé : utilisez --out FILE

## laissez issue

issue_done = { $id } émis ({ $profile }, { $suite }) -> { $path }
issue_unknown_profile = profil inconnu « { $profile } » (disponibles : { $available })
issue_unknown_suite = suite inconnue « { $suite } »
issue_suite_hint = utilisez { $suites }
issue_key_suite_mismatch = la clé { $key } est de type { $algorithm }, mais { $suite } nécessite { $needed } ; choisissez une autre --key ou --suite
issue_valid_until_past = --valid-until est dans le passé
issue_already_issued = l'enregistrement { $record } a déjà été émis sous l'identifiant { $id }
hint_issue_already_issued = voir `laissez registry show { $id }` ; indiquez un autre --record-id pour émettre à nouveau
issue_no_output_dir = le répertoire de sortie { $path } n'existe pas
issue_unknown_securing = mécanisme de sécurisation inconnu « { $securing } »
issue_securing_hint = utilisez { $names }
issue_selective_needs_profile = { $securing } nécessite un profil (--profile) : ses règles de divulgation disent quelles données sont obligatoires et lesquelles sont sélectives
issue_ecdsa_sd_needs_p256 = la clé { $key } est de type { $algorithm }, mais ecdsa-sd-2023 nécessite une clé P-256
hint_issue_p256_key = créez-en une avec `laissez key generate --alg p256` et indiquez-la avec --key
issue_holder_key_conflict = enregistrement { $record } : --holder-key n'est pas la clé de l'identifiant du sujet
issue_holder_key_missing = enregistrement { $record } : un SD-JWT VC est lié à la clé de son titulaire, et l'identifiant du sujet n'est ni un did:key ni un did:jwk
hint_issue_holder_key = donnez au sujet un identifiant did:key ou did:jwk, ou indiquez à `laissez issue` la clé publique du titulaire avec --holder-key (PEM, JWK, Multikey, did:key ou did:jwk)
record_not_object = l'enregistrement d'un sujet doit être un objet JSON
record_id_not_string = recordId doit être une chaîne non vide
record_id_missing = recordId manquant
record_id_too_long = recordId dépasse { $max } caractères
record_no_claims = le sujet ne comporte aucune déclaration

## laissez issue-batch

batch_jobs_zero = --jobs doit valoir au moins 1
batch_too_large = { $path } dépasse { $max } octets ; divisez le lot
batch_bad_extension = { $path } : utilisez un fichier .csv (avec une colonne record_id) ou .jsonl
batch_bad_csv_header = { $path } : en-tête CSV incorrect : { $detail }
batch_no_record_id_column = { $path } : l'en-tête CSV doit comporter une colonne record_id
batch_malformed_csv_row = ligne CSV mal formée : { $detail }
batch_empty_record_id = record_id vide
batch_duplicate_record = identifiant d'enregistrement en double { $id }
batch_thread_panicked = le thread de signature s'est arrêté de façon inattendue (panic)
# La barre de progression : « <barre> 12/100 justificatifs  35/s  reste 3s ».
batch_progress_bar_unit = justificatifs
batch_progress_bar_eta = reste
batch_progress = progression : { $done }/{ $total } { $total ->
        [one] ligne
       *[other] lignes
    } ({ $rate }/s)
batch_summary = { $total ->
        [one] { $total } ligne
       *[other] { $total } lignes
    } : { $issued ->
        [one] { $issued } émise
       *[other] { $issued } émises
    }, { $skipped ->
        [one] { $skipped } ignorée (déjà émise)
       *[other] { $skipped } ignorées (déjà émises)
    }, { $failed } en échec  [{ $seconds } s, { $rate } justificatifs/s]
batch_failed_row = ligne { $row } : { $reason }
batch_more_failed = … et { $count ->
        [one] { $count } autre ligne en échec
       *[other] { $count } autres lignes en échec
    }

## laissez revoke, suspend, reinstate et status publish

status_already_revoked = { $id } : déjà révoqué ; exécutez `laissez status publish` et distribuez une nouvelle liste de confiance
status_revoked = { $id } : révoqué (définitivement) ; exécutez `laissez status publish` et distribuez une nouvelle liste de confiance
status_suspended = { $id } : suspendu ; exécutez `laissez status publish` et distribuez une nouvelle liste de confiance
status_not_suspended = { $id } : non suspendu ; rien à rétablir ; exécutez `laissez status publish` et distribuez une nouvelle liste de confiance
status_reinstated = { $id } : rétabli ; exécutez `laissez status publish` et distribuez une nouvelle liste de confiance
status_suspend_revoked = { $id } est révoqué ; le suspendre ne change rien
status_reinstate_revoked = { $id } est révoqué ; la révocation est définitive
status_no_suspension_entry = { $id } (enregistrement { $record }) : suspension refusée ; tel qu'émis, il ne porte aucune entrée de statut de suspension, et aucun vérificateur ne lirait donc une suspension ; rien n'a été modifié
status_no_revocation_entry = { $id } (enregistrement { $record }) : révocation refusée ; tel qu'émis, il ne porte aucune entrée de statut de révocation de cet émetteur, et aucun vérificateur ne lirait donc une révocation ; rien n'a été modifié
status_purposes_unknown = { $id } (enregistrement { $record }) : refusé ; le registre ne sait pas quelles entrées de statut il porte (ligne antérieure à leur enregistrement par laissez, dont le justificatif stocké n'a pas pu être lu) ; rien n'a été modifié
hint_status_revoke_instead = il peut être révoqué définitivement avec `laissez revoke { $id }` ; seul un justificatif émis avec une entrée de suspension (sans --compact) peut être suspendu
hint_status_no_entry = il reste valide jusqu'à son expiration ; un justificatif venu avec son propre credentialStatus change de statut sur les listes que cette entrée désigne
hint_status_purposes_unknown = lisez-le avec `laissez registry show { $id }` ; s'il porte l'entrée, inscrivez-le dans la colonne status_purposes du registre (README : révocation et suspension)
status_nothing_to_publish = aucun justificatif émis pour l'instant : aucune liste de statuts à publier
status_published = { $url }  { $entries ->
        [one] { $entries } entrée
       *[other] { $entries } entrées
    }, dont { $set ->
        [one] { $set } marquée
       *[other] { $set } marquées
    }  -> { $path }
status_published_token = { $uri }  { $entries ->
        [one] { $entries } entrée
       *[other] { $entries } entrées
    }, dont { $set ->
        [one] { $set } non valide
       *[other] { $set } non valides
    }  -> { $path }

## laissez registry

registry_missing = aucun registre à l'emplacement { $path }
hint_run_init = exécutez `laissez init`
registry_no_credential = le justificatif { $id } ne figure pas dans le registre
hint_see_registry_list = voir `laissez registry list`
registry_schema_newer = le registre utilise la version de schéma { $found }, plus récente que celle prise en charge par ce laissez ({ $supported }) ; mettez laissez à jour
registry_row_no_text = la ligne du registre pour { $id } ne contient pas le texte du justificatif
hint_registry_row_corrupt = le registre est endommagé ; restaurez-le à partir d'une sauvegarde
registry_row_not_json = la ligne du registre pour { $id } contient un justificatif qui n'est pas du JSON : { $detail }
hint_restore_registry = restaurez le registre à partir d'une sauvegarde
# Noms des colonnes de `laissez registry list` (un tableau séparé par des tabulations).
registry_column_id = identifiant du justificatif
registry_column_profile = profil
registry_column_suite = suite
registry_column_issued_at = émis le
registry_column_status_index = index de statut
registry_column_digest = empreinte (sha256)
registry_column_status_purposes = finalités de statut

## laissez bundle

bundle_created = liste non signée { $path } créée (ajoutez des émetteurs, puis signez-la)
bundle_not_object = la liste n'est pas un objet JSON
bundle_not_array = { $member } n'est pas un tableau
bundle_wrong_type = { $path } n'est pas une liste de confiance (type { $bundle_type })
bundle_signature_removed = remarque : la liste était signée ; la signature a été supprimée (signez-la à nouveau)
bundle_bad_name = --name « { $value } » : utilisez LANG=TEXT, par ex. fr="État civil"
bundle_bad_valid_until = --valid-until « { $value } » n'est pas une date-heure RFC 3339
bundle_did_needs_key = --did nécessite au moins une --key (clé publique Multikey)
bundle_no_issuer_source = indiquez --from-home HOME, ou --did DID avec --key KEY
bundle_bad_context = --context « { $value } » : utilisez URL=FILE
bundle_status_list_no_id = { $path } : un justificatif de liste de statuts doit avoir un id sous forme de chaîne (son URL)
bundle_did_document_no_id = { $path } : un document DID doit avoir un DID comme id
bundle_bad_anchor = --anchor { $anchor } : { $error }
hint_anchor = indiquez une clé Multikey ou un did:key
bundle_added_issuer = émetteur { $did }
bundle_added_status_list = liste de statuts { $id }
bundle_added_status_token = liste de statuts à jeton { $uri }
bundle_status_token_unverified = { $path } : ce n'est pas une liste de statuts à jeton signée par une clé de ce répertoire, ou elle a expiré
bundle_added_context = contexte { $url } (sha256 { $sha256 })
bundle_added_did_document = document DID { $id }
bundle_added_dcc_signers = { $count ->
    [one] un signataire de documents EU DCC ajouté
   *[other] { $count } signataires de documents EU DCC ajoutés
}
bundle_added_shc_issuer = émetteur de SMART Health Cards { $iss } ajouté
bundle_added_claim169_keys = { $count ->
    [one] une clé Claim 169 ajoutée pour { $iss }
   *[other] { $count } clés Claim 169 ajoutées pour { $iss }
}
bundle_signed = liste { $path } signée avec l'ancre { $anchor } ({ $suite })
bundle_signature_valid = signature : valide (ancre { $anchor })
bundle_signature_not_checked = signature : non vérifiée (indiquez --anchor pour la vérifier)
bundle_inspect_version = version               { $value }
bundle_inspect_issued = émise le              { $value }
bundle_inspect_next_update = prochaine mise à jour { $value }
bundle_inspect_issuer = émetteur              { $id }  { $name }  types : { $types }
bundle_inspect_status_list = liste de statuts      { $id }  ({ $purpose })

## laissez verify

verify_bundle_error = liste de confiance { $path } : { $error } [{ $code }]

## laissez qr

qr_unknown_encoding = encodage inconnu « { $encoding } »
qr_encoding_hint = utilisez generic, generic-dict, cborld, cborld-zlib ou smallest
qr_print_mm_positive = --print-mm doit être positif
qr_summary = charge utile de { $bytes } octets ({ $characters } caractères, { $encoding }), QR version { $version }, ECC { $ecc }, { $width }×{ $width } modules
qr_summary_print = charge utile de { $bytes } octets ({ $characters } caractères, { $encoding }), QR version { $version }, ECC { $ecc }, { $width }×{ $width } modules, { $mm } mm à { $dpi } dpi = { $px } px/module
qr_decode_unrecognised = { $input } : ni une image QR (PNG, JPEG), ni un texte d'enveloppe commençant par { $prefix }
qr_png_encode = impossible d'encoder le PNG : { $detail }
qr_image_unreadable = impossible de lire l'image : { $detail }

## laissez demo

demo_step_home = 1. Création d'un répertoire émetteur dans { $path }
demo_step_issue = 2. Émission d'un justificatif par profil, et de l'identité légale avec chaque suite
demo_issued = { $id } (JSON de { $bytes } octets, { $qr })
demo_qr_summary = QR v{ $version } de { $characters } caractères
demo_step_verify = 3. Vérification (hors ligne, contextes intégrés uniquement ; pas encore de liste de confiance : au mieux, la signature est valide et l'émetteur non vérifié)
demo_step_tamper = 4. Falsification d'un justificatif (nationalité modifiée) et nouvelle vérification
demo_tampered = falsifié
demo_step_trust = 5. Confiance hors ligne : listes de statuts, liste de confiance signée par une ancre, révocation
# Libellés des lignes de la démonstration de confiance (complétés à 12 caractères).
demo_trusted = reconnu
demo_untrusted = non reconnu
demo_revoked = révoqué
demo_unrecognised_issuer = { $profile } (émetteur non reconnu)
demo_step_disclosure = 6. Divulgation minimale : le titulaire ne montre que ce qu'un usage exige (ecdsa-sd-2023, et SD-JWT VC lié à sa clé)
demo_disclosure_shown = montré :  { $fields }
demo_disclosure_hidden = masqué :  { $fields }
demo_disclosure_checked = { $bytes } octets ; le rapport liste exactement les données montrées ; { $count ->
        [one] { $count } valeur masquée vérifiée absente
       *[other] { $count } valeurs masquées vérifiées absentes
    } de la présentation
demo_disclosure_report_differs = le rapport de vérification ne liste pas exactement les données montrées
demo_disclosure_leak = { $securing } : la présentation montre la donnée masquée { $pointer }
demo_step_files = 7. Fichiers
demo_file_home = répertoire émetteur   { $path }
demo_file_credentials = justificatifs         { $path }
demo_file_registry = registre              { $path }
demo_file_bundle = liste de confiance    { $path }
demo_try = essayez : laissez verify { $path }
demo_complete = démonstration terminée : { $count ->
        [one] { $count } justificatif valide
       *[other] { $count } justificatifs valides
    }, le justificatif falsifié a été rejeté ; les cas reconnu, non reconnu et révoqué ont été affichés
demo_unexpected = démonstration : un résultat n'est pas celui attendu
demo_bad_sample = exemple intégré : { $detail }
demo_internal = erreur interne : { $detail }

## laissez present

present_not_selective_credential = { $path } n'est ni un justificatif avec une preuve de base ecdsa-sd-2023, ni un SD-JWT VC
hint_present_issue_selective = émettez-le avec `laissez issue --securing ecdsa-sd-2023` ou `--securing sd-jwt`
present_no_profile = le justificatif ne relève d'aucun profil Laissez : il n'a pas de règles de divulgation
present_list_heading = préréglages de { $profile } :
present_unknown_preset = préréglage « { $preset } » inconnu pour { $profile } [{ $code }] ; préréglages : { $presets }
present_nothing_chosen = choisissez ce qui est montré avec --preset NOM ou --disclose POINTEUR
hint_present_presets = préréglages : { $presets }
present_pointer_not_selective = { $pointer } n'est pas une donnée à divulgation sélective de ce justificatif
hint_present_selective = données sélectives : { $pointers }
present_binding_partial = lier une présentation nécessite --holder-key, --challenge (--nonce) et --domain (--aud) ensemble ; manquant : { $missing }
present_no_holder_binding = ce SD-JWT VC ne nomme aucune clé de titulaire (cnf) : il ne peut pas être lié à une clé
present_holder_key_mismatch = --holder-key n'est pas la clé de titulaire à laquelle ce SD-JWT VC est lié
hint_present_holder_key = utilisez la clé dont l'émetteur a lié la partie publique (le did:key du sujet ou la --holder-key donnée à `laissez issue`)
present_no_out = --out est obligatoire
present_preset = préréglage { $name } : { $label }
present_shown = montré ({ $count }) :
present_hidden = masqué ({ $count }) :
present_bound = lié à { $domain } avec le défi { $challenge }
present_written = présentation écrite dans { $path } ({ $bytes } octets)
present_qr_written = code QR écrit dans { $path } (v{ $version }, { $characters } caractères)

## laissez serve
serve_bad_config = { $path } : rate_per_second, registry_connections, token_lifetime_seconds et status_index_block (au plus 1000000) doivent être supérieurs à zéro
serve_key_added = clé d'API { $id } créée ; son jeton, affiché cette seule fois :
serve_key_none = aucune clé d'API
serve_key_revoked_state = révoquée
serve_key_active_state = active
serve_key_line = { $id }  { $scopes }  { $state }  { $created }  { $label }
serve_key_unknown = pas de clé d'API { $id } (voir `laissez serve key list`)
serve_key_revoked = clé d'API { $id } révoquée
serve_tls_error = la configuration TLS a échoué : { $detail }
serve_tls_pem = { $path } : fichier PEM inutilisable : { $detail }
serve_rate_limited = trop de requêtes de ce client ; réessayez plus tard
serve_timeout = la requête a duré plus de { $seconds } s
serve_body_too_large = le corps de la requête dépasse { $max } octets
serve_internal_error = erreur interne du serveur (voir le journal du serveur)
serve_member_not_object = « { $member } » doit être un objet JSON
serve_option_not_string = l'option « { $option } » n'a pas le bon type
serve_unknown_cryptosuite = suite cryptographique inconnue « { $suite } »
serve_unknown_issuer = aucune clé d'émetteur nommée « { $key } »
serve_key_suite_mismatch = la clé { $key } ne peut pas signer avec { $suite }
serve_no_key_for_suite = aucune clé de ce serveur ne peut signer avec { $suite }
serve_issuer_mismatch = l'émetteur de l'attestation doit être { $issuer } (la clé de ce point d'accès) ou absent
serve_missing_member = la requête n'a pas de « { $member } »
serve_unsupported_proof_type = type de preuve non pris en charge « { $proof_type } » ; ce serveur produit des DataIntegrityProof
serve_id_too_long = un identifiant d'attestation ou d'enregistrement dépasse { $max } octets
serve_already_issued = une attestation portant cet identifiant, ou pour cet enregistrement, a déjà été émise
serve_status_set = la liste { $purpose } de l'émetteur a le bit de cette attestation activé
serve_unsupported_status_type = seul un statut BitstringStatusListEntry peut être modifié
serve_unknown_status_purpose = statusPurpose doit être revocation ou suspension
serve_status_not_boolean = « status » doit valoir true ou false
serve_unknown_status_list = liste de statut inconnue
serve_unauthenticated = une clé d'API valide est requise (Authorization: Bearer <jeton>)
serve_forbidden = cette clé d'API n'a pas la portée { $scope }
serve_token_expired = le jeton d'accès a expiré ; en obtenir un nouveau sur /oauth/token
serve_client_added = client OAuth2 { $id } créé (son client_id) ; son secret, affiché cette seule fois :
serve_client_none = aucun client OAuth2
serve_client_unknown = pas de client OAuth2 { $id } (voir `laissez serve client list`)
serve_client_revoked = client OAuth2 { $id } révoqué ; ses jetons d'accès sont refusés désormais
serve_oauth_invalid_request = la demande de jeton exige grant_type=client_credentials, chaque paramètre une seule fois, et les identifiants du client à un seul endroit (RFC 6749 § 4.4)
serve_oauth_unsupported_grant = seul grant_type=client_credentials est pris en charge
serve_oauth_invalid_client = client inconnu ou révoqué, ou secret erroné
serve_oauth_invalid_scope = ce client ne peut pas avoir la portée « { $scope } »
serve_body_not_object = le corps de la requête doit être un objet JSON
serve_not_found = point d'accès inconnu
serve_start_failed = le serveur n'a pas pu démarrer : { $detail }
serve_bind_failed = impossible d'écouter sur { $address } : { $detail }
serve_listening = à l'écoute sur { $url }
serve_stopped = arrêté
serve_vc_1_1_not_issued = les attestations VC 1.1 sont vérifiées mais jamais émises ; utilisez le contexte VC 2.0
serve_already_secured = l'attestation à émettre a déjà une preuve
serve_invalid_shape = « { $property } » n'a pas la forme exigée par le modèle de données VC 2.0

## laissez print : cartes imprimables

print_bad_layout = format inconnu { $layout } ; utilisez id1, a6 ou a4
print_bad_output = { $path } : la carte s’écrit en .pdf ou .svg
print_bad_lang = --labels { $lang } : une ou deux langues parmi { $available }, séparées par une virgule
print_not_valid = non imprimée : l’attestation est { $verdict }
print_font_missing = police { $font } introuvable sous /usr/share/fonts (ou $LAISSEZ_FONT_DIR)
print_no_font_for = aucune police installée n’a tous les caractères de « { $text } »
hint_print_fonts = installez les paquets Debian fonts-noto-core (et fonts-noto-cjk pour les noms en han), ou définissez LAISSEZ_FONT_DIR
print_qr_too_dense = un code QR de version { $version } aurait des modules de { $module } mm sur ce format, sous les 0,4 mm qu’un téléphone lit sur une photocopie
hint_print_compact = émettez l’attestation avec --compact, ou choisissez un --layout plus grand
print_pdf_failed = impossible d’écrire le PDF : { $detail }
print_written = carte écrite dans { $path } (QR v{ $version }, { $characters } caractères, modules de { $module } mm)
print_title_generic = Attestation
print_issuer = Émetteur
print_valid_from = Valable du
print_valid_until = Valable jusqu’au
print_yes = oui
print_no = non

# laissez issue --portrait, laissez verify --photo-out (décision 0023)
portrait_not_an_image = le portrait { $path } n'est pas une image JPEG ou PNG
portrait_too_large = le portrait { $path } mesure { $width } × { $height } pixels ; au plus { $max } par côté
portrait_undecodable = le portrait { $path } ne peut pas être décodé : { $detail }
verify_photo = Portrait (signé) : { $media }, { $width } × { $height } pixels, { $bytes } octets
verify_photo_unsized = Portrait (signé) : { $media }, { $bytes } octets
verify_no_photo = aucun portrait écrit : le justificatif ne porte pas de portrait vérifié
verify_photo_written = portrait écrit dans { $path }
