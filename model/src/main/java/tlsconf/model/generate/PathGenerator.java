package tlsconf.model.generate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tlsconf.model.Model;
import tlsconf.model.RunParameters;
import tlsconf.model.State;
import tlsconf.model.Transition;

/**
 * Enumerates the valid paths of a model, deterministically (depth first, in table order): every path from the
 * initial state that ends in an accepting state, within {@link Bounds}.
 */
public final class PathGenerator {

    private PathGenerator() {
    }

    /** The valid paths for one set of parameters. */
    public static List<ValidPath> paths(Model model, RunParameters parameters, Bounds bounds) {
        List<ValidPath> out = new ArrayList<>();
        walk(model, parameters, bounds, model.initial(), new ArrayDeque<>(), new HashSet<>(), 0, out);
        return out;
    }

    /** The valid paths over every consistent parameter combination ({@link RunParameters#all}). */
    public static List<ValidPath> allPaths(Model model, Bounds bounds) {
        List<ValidPath> out = new ArrayList<>();
        for (RunParameters p : RunParameters.all(model.version())) {
            out.addAll(paths(model, p, bounds));
        }
        return out;
    }

    private static void walk(Model model, RunParameters p, Bounds bounds, State state, Deque<Transition> path,
            Set<Transition> used, int loops, List<ValidPath> out) {
        if (!path.isEmpty() && model.accepting().contains(state)) {
            out.add(new ValidPath(p, new ArrayList<>(path)));
        }
        if (path.size() >= bounds.maxLength()) {
            return;
        }
        for (Transition t : model.enabled(state, p)) {
            if (used.contains(t)) {
                continue;
            }
            int l = loops + (t.isSelfLoop() ? 1 : 0);
            if (l > bounds.maxLoops()) {
                continue;
            }
            used.add(t);
            path.addLast(t);
            walk(model, p, bounds, t.to(), path, used, l, out);
            path.removeLast();
            used.remove(t);
        }
    }
}
