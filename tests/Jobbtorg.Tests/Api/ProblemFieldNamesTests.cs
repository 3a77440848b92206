using System.Text.Json;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Http;

namespace Jobbtorg.Tests.Api;

public sealed class ProblemFieldNamesTests
{
    [Theory]
    [InlineData("PersonalNumber", "personalNumber")]
    [InlineData("personalNumber", "personalNumber")]
    [InlineData("[3].PersonalNumber", "[3].personalNumber")]
    [InlineData("Items[2].FirstName", "items[2].firstName")]
    [InlineData("[0]", "[0]")]
    [InlineData("", "")]
    public void A_field_is_named_as_the_json_names_it(string field, string expected) =>
        Assert.Equal(expected, ProblemFieldNames.AsInJson(field, JsonNamingPolicy.CamelCase));

    [Fact]
    public void A_query_value_that_cannot_be_bound_is_named_by_its_parameter() =>
        Assert.Equal("status", ProblemFieldNames.OfUnboundParameter(
            new BadHttpRequestException("Failed to bind parameter \"Nullable<CaseStatus> status\" from \"Bogus\".")));

    [Fact]
    public void Other_bad_requests_name_no_parameter() =>
        Assert.Null(ProblemFieldNames.OfUnboundParameter(
            new BadHttpRequestException("Required parameter \"ReferralRequest request\" was not provided from body.")));
}
