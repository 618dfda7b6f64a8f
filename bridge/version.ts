/**
 * The version of every contract in `bridge/`: scene ops, their binary encoding and the control
 * messages. Bump it when either side would misread the other; peers refuse mismatched versions
 * with an error that names both numbers instead of misbehaving.
 */
export const CONTRACT_VERSION = 1;
