public enum CertAuditRunModule {}
