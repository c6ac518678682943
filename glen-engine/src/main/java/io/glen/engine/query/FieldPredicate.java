package io.glen.engine.query;

import io.glen.engine.internal.index.FieldValues;
import io.glen.engine.value.Value;
import io.glen.engine.value.ValueKind;
import io.glen.engine.value.ValuePath;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A condition on the values one field path reaches. */
final class FieldPredicate extends Filter {

    private final String path;
    private final ValuePath parsed;
    private final Operator operator;
    private final List<Value> operands;
    private final @Nullable Pattern pattern;

    FieldPredicate(String path, Operator operator, List<Value> operands) {
        this.path = Objects.requireNonNull(path, "path must not be null");
        this.parsed = ValuePath.parse(path);
        this.operator = operator;
        this.operands = List.copyOf(operands);
        if (operator == Operator.STARTS_WITH || operator == Operator.ENDS_WITH || operator == Operator.CONTAINS
                || operator == Operator.MATCHES) {
            if (operands.get(0).kind() != ValueKind.STRING) {
                throw new IllegalArgumentException(operator + " needs a string operand");
            }
        }
        this.pattern = operator == Operator.MATCHES ? Pattern.compile(operands.get(0).asString()) : null;
    }

    String path() {
        return path;
    }

    Operator operator() {
        return operator;
    }

    List<Value> operands() {
        return operands;
    }

    Value operand() {
        return operands.get(0);
    }

    @Override
    public boolean matches(Value document) {
        Value single = parsed.lookupWithoutArrays(document);
        if (single != ValuePath.THROUGH_ARRAY) {
            // The common case, without collecting: the path meets no array on the way, and reaches
            // one value that is not an array itself (or nothing).
            if (single == null) {
                return operator == Operator.EXISTS ? !operand().asBoolean() : operator == Operator.NE;
            }
            return switch (operator) {
                case EXISTS -> operand().asBoolean();
                case NE -> single.compareTo(operand()) != 0;
                default -> test(single);
            };
        }
        List<Value> values = FieldValues.at(document, parsed);
        switch (operator) {
            case EXISTS:
                return values.isEmpty() != operand().asBoolean();
            case NE:
                return !anyEqual(values, operand());
            default:
                for (Value value : values) {
                    if (test(value)) {
                        return true;
                    }
                }
                return false;
        }
    }

    private boolean test(Value value) {
        if (operator == Operator.IN) {
            for (Value candidate : operands) {
                if (value.compareTo(candidate) == 0) {
                    return true;
                }
            }
            return false;
        }
        Value operand = operand();
        switch (operator) {
            case EQ:
                return value.compareTo(operand) == 0;
            case LT:
                return sameKind(value, operand) && value.compareTo(operand) < 0;
            case LTE:
                return sameKind(value, operand) && value.compareTo(operand) <= 0;
            case GT:
                return sameKind(value, operand) && value.compareTo(operand) > 0;
            case GTE:
                return sameKind(value, operand) && value.compareTo(operand) >= 0;
            case STARTS_WITH:
                return value.kind() == ValueKind.STRING && value.asString().startsWith(operand.asString());
            case ENDS_WITH:
                return value.kind() == ValueKind.STRING && value.asString().endsWith(operand.asString());
            case CONTAINS:
                return value.kind() == ValueKind.STRING && value.asString().contains(operand.asString());
            case MATCHES:
                return value.kind() == ValueKind.STRING && pattern.matcher(value.asString()).matches();
            default:
                throw new IllegalStateException("unexpected operator " + operator);
        }
    }

    private static boolean anyEqual(List<Value> values, Value operand) {
        for (Value value : values) {
            if (value.compareTo(operand) == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameKind(Value a, Value b) {
        return a.kind().rank() == b.kind().rank();
    }

    @Override
    public String toString() {
        if (operator == Operator.EXISTS) {
            return path + (operand().asBoolean() ? " exists" : " missing");
        }
        return path + " " + operator.symbol() + " " + (operator == Operator.IN ? operands : operand());
    }
}
