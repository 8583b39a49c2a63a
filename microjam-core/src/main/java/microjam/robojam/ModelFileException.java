// A model file that cannot be used, with one line saying what is wrong with it.
package microjam.robojam;

public final class ModelFileException extends RuntimeException {
    public ModelFileException(String message) {
        super(message);
    }
}
