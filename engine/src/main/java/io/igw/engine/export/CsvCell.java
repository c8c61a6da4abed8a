package io.igw.engine.export;

/**
 * One CSV cell that is safe to open in a spreadsheet: a cell that a spreadsheet would read as a formula (it starts
 * with =, +, -, @, a tab or a carriage return) gets a leading quote, and the cell is quoted where CSV needs it.
 * Invisible characters that change how text reads are removed first ({@link SafeText}), so none can hide a formula.
 */
public final class CsvCell {
    private CsvCell() {
    }

    public static String safe(String value) {
        String v = SafeText.shown(value);
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
