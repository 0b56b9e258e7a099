# Expands the `\ir <file>` lines of the parts' upgrade steps (Makefile): the
# named file, relative to the step's folder, is copied in its place.  A file
# that cannot be read, or is empty, stops the build.
/^\\ir [^ ]+$/ {
	dir = FILENAME
	sub(/[^\/]*$/, "", dir)
	file = dir $2
	lines = 0
	while ((status = (getline line < file)) > 0)
	{
		print line
		lines++
	}
	close(file)
	if (status < 0 || lines == 0)
	{
		printf "%s:%d: cannot include %s\n", FILENAME, FNR, file > "/dev/stderr"
		exit 1
	}
	next
}
{ print }
