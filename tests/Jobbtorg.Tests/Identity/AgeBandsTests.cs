using Jobbtorg.Identity;

namespace Jobbtorg.Tests.Identity;

/// <summary>The youth band of domain.md: 16–24 in completed years; an unknown age is never youth.</summary>
public class AgeBandsTests
{
    [Theory]
    [InlineData(16)]
    [InlineData(20)]
    [InlineData(24)]
    public void Sixteen_to_twenty_four_is_youth(int age) => Assert.True(AgeBands.IsYouth(age));

    [Theory]
    [InlineData(15)]
    [InlineData(25)]
    [InlineData(64)]
    [InlineData(null)]
    public void Younger_older_or_unknown_is_not_youth(int? age) => Assert.False(AgeBands.IsYouth(age));
}
