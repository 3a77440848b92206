using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jobbtorg.Features;

/// <summary>Shown for errors and status codes on pages; never shows technical details.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[Jobbtorg.Features.AccessLog.NoPersonalData]
public class ErrorModel(Texts texts) : PageModel
{
    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet(int? status) => Describe(status);
    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        (Title, Explanation) = status switch
        {
            404 => (texts["Page not found"], texts["The page or case does not exist, or you do not have access to it."]),
            403 => (texts["Access denied"], texts["Your role does not give access to this page."]),
            null or >= 500 => (texts["Something went wrong"], texts["The error has been logged. Try again, and contact support if it happens again."]),
            _ => (texts["The request could not be handled"], texts["Go back and try again."]),
        };
        if (status is { } code) Response.StatusCode = code;
    }
}
