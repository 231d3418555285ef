package ner

// fh is an FNV-1a hash under construction; features are hashes of a
// template number and its string parts, built without allocating.
type fh uint64

const (
	fnvOffset fh = 14695981039346656037
	fnvPrime  fh = 1099511628211
)

func newHash(template byte) fh { return (fnvOffset ^ fh(template)) * fnvPrime }

func (h fh) str(s string) fh {
	for i := 0; i < len(s); i++ {
		h = (h ^ fh(s[i])) * fnvPrime
	}
	return (h ^ 0xff) * fnvPrime // separator: parts never run together
}

// strFold is str(foldWord(s)), without allocating for ASCII words.
func (h fh) strFold(s string) fh {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return h.str(foldWord(s))
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= '1' && c <= '9':
			c = '0'
		}
		h = (h ^ fh(c)) * fnvPrime
	}
	return (h ^ 0xff) * fnvPrime
}

func (h fh) b(c byte) fh { return (h ^ fh(c)) * fnvPrime }

// key folds the hash to the 32-bit feature key used in the model; 0 is
// reserved for empty table slots.
func (h fh) key() uint32 {
	k := uint32(h) ^ uint32(h>>32)
	if k == 0 {
		k = 1
	}
	return k
}

// wordKey is a feature key built from a template and word hashes (64-bit
// hashes of strings computed once per word): cheaper than hashing the
// strings again for every feature that reads them.
type wordKey uint64

func wk(template, b byte) wordKey {
	return wordKey(fmix(uint64(template)<<8 | uint64(b) | 0xabcd<<16))
}

// h mixes a word hash into the key; the order of the parts matters.
func (k wordKey) h(x uint64) wordKey {
	a := (uint64(k) ^ x) * 0x9e3779b97f4a7c15
	return wordKey(a ^ a>>29)
}

func (k wordKey) key() uint32 {
	x := fmix(uint64(k))
	v := uint32(x) ^ uint32(x>>32)
	if v == 0 {
		v = 1
	}
	return v
}

// fmix is MurmurHash3's 64-bit finaliser.
func fmix(x uint64) uint64 {
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return x
}

// strHash is the finalised 64-bit FNV-1a hash of s.
func strHash(s string) uint64 {
	h := fnvOffset
	for i := 0; i < len(s); i++ {
		h = (h ^ fh(s[i])) * fnvPrime
	}
	return fmix(uint64(h))
}
