package com.example.skeleton;

import java.util.List;
import java.util.function.Supplier;

/**
 * Fixture for DeclarationSkeletonTest. A line that opens a method body left out of the skeleton ends
 * in "left-out"; a line that opens a body that must stay ends in "kept". Braces in {comments}.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
public class Skeletons<T extends Comparable<T>> extends Base implements Runnable {
    private static final String BRACE = "{ not a body }";
    private static final char OPEN = '{';
    private static final char QUOTE = '\'';
    private final int[] values = {1, 2, 3};
    private final Runnable task = () -> { // kept
        System.out.println("a lambda in a field initializer");
    };
    private final Object anonymous = new Object() { // kept
        @Override
        public String toString() { // kept
            return "an anonymous class in a field initializer";
        }
    };
    private final Supplier<String> text = () -> """
            a text block with { braces } and "quotes" and \""" escaped quotes
            """;
    private int count;

    static { // kept
        System.setProperty("static", "initializer");
    }

    { // kept
        count = 1;
    }

    public Skeletons(int count) { // kept
        this.count = count;
    }

    public Skeletons() { // kept
        this(0);
    }

    @Override
    public void run() { // left-out
        String s = "} still in the body";
        char c = '}';
        /* } */
        // }
        count++;
    }

    public <R> List<R> generic(Class<R> type, T bound) throws IllegalStateException, java.io.UncheckedIOException { // left-out
        return List.of();
    }

    @Deprecated(since = "1") int annotated(@SuppressWarnings("x") int a) { // left-out
        return a + 1;
    }

    int oneLine() { return 1; } // kept

    abstract static class Shape { // kept
        abstract double area();

        double twice() { // left-out
            return 2 * area();
        }
    }

    interface Greeter { // kept
        String greet(String name);

        default String hello() { // left-out
            return greet("world");
        }
    }

    @interface Marker { // kept
        String[] value() default {"a", "b"};
    }

    enum Planet { // kept
        MERCURY(1) { // kept
            @Override
            double gravity() { // kept
                return 3.7;
            }
        },
        EARTH(2);

        private final int order;

        Planet(int order) { // kept
            this.order = order;
        }

        double gravity() { // left-out
            return 9.8;
        }
    }

    record Point(int x, int y) { // kept
        Point { // kept
            if (x < 0) {
                throw new IllegalArgumentException();
            }
        }

        int sum() { // left-out
            class Local { // (inside a body left out)
                int get() {
                    return x + y;
                }
            }
            return new Local().get();
        }
    }

    String switches(int k) { // left-out
        return switch (k) {
            case 1 -> "one";
            default -> {
                yield "many";
            }
        };
    }
}

class Base { // kept
    protected void inherited() { // left-out
        new Thread(() -> {
            System.out.println("lambda in a body");
        }).start();
    }
}
