using Meshc.EnvoyApi.Validation;

namespace Meshc.EnvoyApi.Tests;

/// <summary>The shared numeric rule semantics (PGV's "inside range" vs "outside gap").</summary>
public class NumericRulesTests
{
    private static List<string> Check(NumericRules<int> rules, int value)
    {
        var violations = new List<PgvViolation>();
        rules.Check(value, "f", violations);
        return violations.Select(v => v.Rule).ToList();
    }

    private static NumericRules<int> Rules(int? @const = null, int? lt = null, int? lte = null, int? gt = null, int? gte = null, int[]? @in = null, int[]? notIn = null) =>
        new("int32", @const, lt, lte, gt, gte, @in ?? [], notIn ?? []);

    [Theory]
    [InlineData(0, "int32.gt")]
    [InlineData(1, null)]
    [InlineData(9, null)]
    [InlineData(10, "int32.lt")]
    public void Check_GtAndLtWithLtAbove_RequiresValueInsideOpenRange(int value, string? expected)
    {
        List<string> rules = Check(Rules(gt: 0, lt: 10), value);

        Assert.Equal(expected is null ? [] : [expected], rules);
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(10, true)]
    [InlineData(11, false)]
    public void Check_GtAboveLt_RejectsOnlyTheClosedGap(int value, bool violates)
    {
        // {gt: 10, lt: 5}: valid when value > 10 or value < 5.
        List<string> rules = Check(Rules(gt: 10, lt: 5), value);

        Assert.Equal(violates ? ["int32.lt_gt"] : [], rules);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void Check_GteAboveLte_RejectsOnlyTheOpenGap(int value, bool violates)
    {
        // {gte: 3, lte: 1}: valid when value >= 3 or value <= 1.
        List<string> rules = Check(Rules(gte: 3, lte: 1), value);

        Assert.Equal(violates ? ["int32.lte_gte"] : [], rules);
    }

    [Fact]
    public void Check_ConstInAndNotIn_ReportEachBrokenRule()
    {
        Assert.Equal(["int32.const"], Check(Rules(@const: 3), 4));
        Assert.Equal(["int32.in"], Check(Rules(@in: [1, 2]), 3));
        Assert.Equal(["int32.not_in"], Check(Rules(notIn: [1, 2]), 2));
        Assert.Empty(Check(Rules(@const: 3, @in: [3], notIn: [4]), 3));
    }

    [Fact]
    public void Check_SingleInclusiveBounds_AcceptTheBoundItself()
    {
        Assert.Empty(Check(Rules(gte: 5), 5));
        Assert.Empty(Check(Rules(lte: 5), 5));
        Assert.Equal(["int32.gte"], Check(Rules(gte: 5), 4));
        Assert.Equal(["int32.lte"], Check(Rules(lte: 5), 6));
    }
}
