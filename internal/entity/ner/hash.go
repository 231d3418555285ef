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
