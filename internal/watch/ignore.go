package watch

import "strings"

// Ignored reports whether a file name (no folder) is an editor's or a
// desktop's temporary or metadata file, never reported as a change: Vim swap
// files (.swp, .swo, .swx), backups ending in ~, Vim's write probe 4913,
// Emacs lock (.#name) and autosave (#name#) files, JetBrains safe-write files
// (___jb_tmp___, ___jb_old___), GNOME's .goutputstream-*, macOS .DS_Store.
// Case is ignored.
func Ignored(name string) bool {
	n := strings.ToLower(name)
	switch {
	case n == "" || n == "4913" || n == ".ds_store":
		return true
	case strings.HasSuffix(n, "~"):
		return true
	case strings.HasSuffix(n, ".swp"), strings.HasSuffix(n, ".swo"), strings.HasSuffix(n, ".swx"):
		return true
	case strings.HasPrefix(n, ".#"):
		return true
	case len(n) >= 2 && n[0] == '#' && n[len(n)-1] == '#':
		return true
	case strings.HasSuffix(n, "___jb_tmp___"), strings.HasSuffix(n, "___jb_old___"):
		return true
	case strings.HasPrefix(n, ".goutputstream-"):
		return true
	}
	return false
}

// ExcludedDir reports whether a folder name is never watched, wherever it
// is: version control, dependencies, and brief's own cache and staging
// folders (.brief-cache, .brief-staging*, hidden .*.staging-* folders such
// as the site builder's .public.staging-123, and its spare, .public.spare).
func ExcludedDir(name string) bool {
	n := strings.ToLower(name)
	return n == ".git" || n == "node_modules" || n == ".brief-cache" ||
		strings.HasPrefix(n, ".brief-staging") ||
		strings.HasPrefix(n, ".") && (strings.Contains(n, ".staging-") || strings.HasSuffix(n, ".spare"))
}
