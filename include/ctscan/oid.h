/* DER contents of the object identifiers ctscan matches, as byte-string
 * literals (use sizeof(X) - 1 for the length). */
#ifndef CTSCAN_OID_H
#define CTSCAN_OID_H

/* RFC 5280 4.1.2.4 / X.520 attribute types, 2.5.4.x */
#define CTS_OID_AT_CN "\x55\x04\x03"
#define CTS_OID_AT_SERIAL_NUMBER "\x55\x04\x05"
#define CTS_OID_AT_C "\x55\x04\x06"
#define CTS_OID_AT_L "\x55\x04\x07"
#define CTS_OID_AT_ST "\x55\x04\x08"
#define CTS_OID_AT_STREET "\x55\x04\x09"
#define CTS_OID_AT_O "\x55\x04\x0a"
#define CTS_OID_AT_OU "\x55\x04\x0b"
#define CTS_OID_AT_BUSINESS_CATEGORY "\x55\x04\x0f"
#define CTS_OID_AT_POSTAL_CODE "\x55\x04\x11"
/* PKCS#9 emailAddress 1.2.840.113549.1.9.1 */
#define CTS_OID_AT_EMAIL "\x2a\x86\x48\x86\xf7\x0d\x01\x09\x01"

/* RFC 5280 4.2.1 extensions, 2.5.29.x */
#define CTS_OID_EXT_SKI "\x55\x1d\x0e"
#define CTS_OID_EXT_KU "\x55\x1d\x0f"
#define CTS_OID_EXT_SAN "\x55\x1d\x11"
#define CTS_OID_EXT_IAN "\x55\x1d\x12"
#define CTS_OID_EXT_BC "\x55\x1d\x13"
#define CTS_OID_EXT_NC "\x55\x1d\x1e"
#define CTS_OID_EXT_CDP "\x55\x1d\x1f"
#define CTS_OID_EXT_POLICIES "\x55\x1d\x20"
#define CTS_OID_EXT_AKI "\x55\x1d\x23"
#define CTS_OID_EXT_EKU "\x55\x1d\x25"
/* RFC 5280 4.2.2.1 id-pe-authorityInfoAccess 1.3.6.1.5.5.7.1.1 */
#define CTS_OID_EXT_AIA "\x2b\x06\x01\x05\x05\x07\x01\x01"
/* RFC 6962 3.1 poison 1.3.6.1.4.1.11129.2.4.3, 3.3 SCT list ...4.2 */
#define CTS_OID_EXT_CT_POISON "\x2b\x06\x01\x04\x01\xd6\x79\x02\x04\x03"
#define CTS_OID_EXT_SCT_LIST "\x2b\x06\x01\x04\x01\xd6\x79\x02\x04\x02"

/* Key algorithms */
#define CTS_OID_RSA_ENCRYPTION "\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01"
#define CTS_OID_EC_PUBLIC_KEY "\x2a\x86\x48\xce\x3d\x02\x01"
#define CTS_OID_DSA "\x2a\x86\x48\xce\x38\x04\x01"
#define CTS_OID_ED25519 "\x2b\x65\x70"
#define CTS_OID_ED448 "\x2b\x65\x71"
/* Curves: secp256r1 1.2.840.10045.3.1.7, secp384r1 1.3.132.0.34,
 * secp521r1 1.3.132.0.35 */
#define CTS_OID_CURVE_P256 "\x2a\x86\x48\xce\x3d\x03\x01\x07"
#define CTS_OID_CURVE_P384 "\x2b\x81\x04\x00\x22"
#define CTS_OID_CURVE_P521 "\x2b\x81\x04\x00\x23"

/* RFC 5280 4.2.1.12 extended key usages, 1.3.6.1.5.5.7.3.x and
 * anyExtendedKeyUsage 2.5.29.37.0 */
#define CTS_OID_EKU_ANY "\x55\x1d\x25\x00"
#define CTS_OID_EKU_PREFIX "\x2b\x06\x01\x05\x05\x07\x03" /* + one arc */
/* Microsoft SGC 1.3.6.1.4.1.311.10.3.3, Netscape SGC 2.16.840.1.113730.4.1,
 * Microsoft commercial code signing 1.3.6.1.4.1.311.2.1.22, kernel code
 * signing 1.3.6.1.4.1.311.61.1.1: EKUs Go's x509 knows by name. */
#define CTS_OID_EKU_MS_SGC "\x2b\x06\x01\x04\x01\x82\x37\x0a\x03\x03"
#define CTS_OID_EKU_NS_SGC "\x60\x86\x48\x01\x86\xf8\x42\x04\x01"
#define CTS_OID_EKU_MS_CODE "\x2b\x06\x01\x04\x01\x82\x37\x02\x01\x16"
#define CTS_OID_EKU_MS_KERNEL "\x2b\x06\x01\x04\x01\x82\x37\x3d\x01\x01"

/* Certificate policies: anyPolicy 2.5.29.32.0; CA/B Forum reserved
 * 2.23.140.1.2.1 (DV), .2.2 (OV), .2.3 (IV), 2.23.140.1.1 (EV) */
#define CTS_OID_POLICY_ANY "\x55\x1d\x20\x00"
#define CTS_OID_POLICY_DV "\x67\x81\x0c\x01\x02\x01"
#define CTS_OID_POLICY_OV "\x67\x81\x0c\x01\x02\x02"
#define CTS_OID_POLICY_IV "\x67\x81\x0c\x01\x02\x03"
#define CTS_OID_POLICY_EV "\x67\x81\x0c\x01\x01"

#define CTS_OID_LEN(x) (sizeof(x) - 1)

#endif
