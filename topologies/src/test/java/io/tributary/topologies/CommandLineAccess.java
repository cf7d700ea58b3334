package io.tributary.topologies;

import java.io.IOException;

/** {@link CommandLineTest#exec} and {@link Golden} for tests in sub-packages. */
public final class CommandLineAccess {
    private CommandLineAccess() {
    }

    public record Result(int code, String out, String err) {
    }

    public static Result exec(String... args) {
        CommandLineTest.Result r = CommandLineTest.exec(args);
        return new Result(r.code(), r.out(), r.err());
    }

    public static void assertGolden(String name, String actual) throws IOException {
        Golden.assertMatches(name, actual);
    }
}
