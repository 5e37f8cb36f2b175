// Ethernet protocol ids (include/uapi/linux/if_ether.h).

/** ETH_P_IP is the IPv4 ethertype, 0x0800. */
export const ETH_P_IP = 0x0800;
/** ETH_P_ARP is the ARP ethertype, 0x0806. */
export const ETH_P_ARP = 0x0806;
/** ETH_HLEN is the Ethernet header length, 14. */
export const ETH_HLEN = 14;
