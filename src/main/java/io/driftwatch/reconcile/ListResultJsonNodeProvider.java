package io.driftwatch.reconcile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * Jackson tree provider whose result arrays are plain lists. The stock provider converts every match
 * into a fresh node with {@code valueToTree} (a deep copy of each record for {@code $.Invoice[*]},
 * and a BigDecimal-to-node round trip for each amount); here matches are kept as they are: the
 * record's own {@code JsonNode}s, or the unwrapped scalar ({@code BigDecimal}, {@code String}...).
 * Only the arrays JSONPath itself creates are lists; arrays inside the document stay ArrayNodes.
 */
final class ListResultJsonNodeProvider extends JacksonJsonNodeJsonProvider {

    ListResultJsonNodeProvider(ObjectMapper mapper) {
        super(mapper);
    }

    @Override
    public Object createArray() {
        return new ArrayList<>();
    }

    @Override
    public Object getArrayIndex(Object obj, int idx) {
        return obj instanceof List<?> list ? list.get(idx) : super.getArrayIndex(obj, idx);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void setArrayIndex(Object array, int index, Object newValue) {
        if (array instanceof List<?> list) {
            setInList((List<Object>) list, index, newValue);
        } else {
            super.setArrayIndex(array, index, newValue);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void setProperty(Object obj, Object key, Object value) {
        if (obj instanceof List<?> list) {
            int index = key == null ? list.size() : Integer.parseInt(key.toString());
            setInList((List<Object>) list, index, value);
        } else {
            super.setProperty(obj, key, value);
        }
    }

    @Override
    public void removeProperty(Object obj, Object key) {
        if (obj instanceof List<?> list) {
            list.remove(Integer.parseInt(key.toString()));
        } else {
            super.removeProperty(obj, key);
        }
    }

    @Override
    public int length(Object obj) {
        return obj instanceof List<?> list ? list.size() : super.length(obj);
    }

    @Override
    public Iterable<?> toIterable(Object obj) {
        return obj instanceof List<?> list ? list : super.toIterable(obj);
    }

    private static void setInList(List<Object> list, int index, Object value) {
        if (index == list.size()) {
            list.add(value);
        } else {
            list.set(index, value);
        }
    }
}
