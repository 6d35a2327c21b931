package org.jfits.checksum;

/** The verdict on one HDU's CHECKSUM and DATASUM cards. */
public enum ChecksumStatus {
  /** The cards present match: DATASUM the data, CHECKSUM the whole HDU. */
  OK,
  /** Neither CHECKSUM nor DATASUM is present: nothing to verify. */
  MISSING,
  /** DATASUM does not match the data: the data changed (or the card is wrong). */
  BAD_DATA,
  /** The data match DATASUM (or there is none), but the HDU does not add up to CHECKSUM: the header changed. */
  BAD_HEADER
}
