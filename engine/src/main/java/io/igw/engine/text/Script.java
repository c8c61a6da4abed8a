package io.igw.engine.text;

/** Which script a text is written in: Chinese (any Han character), else Latin letters, else neither. */
enum Script {
    HAN, LATIN, OTHER;

    static Script of(String text) {
        boolean latin = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            Character.UnicodeScript s = Character.UnicodeScript.of(c);
            if (s == Character.UnicodeScript.HAN) {
                return HAN;
            }
            latin |= s == Character.UnicodeScript.LATIN;
        }
        return latin ? LATIN : OTHER;
    }
}
