using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jobbtorg.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CoachAndFollowUpIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Placements_Kind_FollowUpOn",
                table: "Placements");

            migrationBuilder.DropIndex(
                name: "IX_Cases_CoachId_EnrolmentDate",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_CoachId_Status",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Placements_Kind_FollowUpOn_CaseId",
                table: "Placements",
                columns: new[] { "Kind", "FollowUpOn", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CoachId_EnrolmentDate",
                table: "Cases",
                columns: new[] { "CoachId", "EnrolmentDate" },
                filter: "\"CoachId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CoachId_Status",
                table: "Cases",
                columns: new[] { "CoachId", "Status" },
                filter: "\"CoachId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Placements_Kind_FollowUpOn_CaseId",
                table: "Placements");

            migrationBuilder.DropIndex(
                name: "IX_Cases_CoachId_EnrolmentDate",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_CoachId_Status",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Placements_Kind_FollowUpOn",
                table: "Placements",
                columns: new[] { "Kind", "FollowUpOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CoachId_EnrolmentDate",
                table: "Cases",
                columns: new[] { "CoachId", "EnrolmentDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CoachId_Status",
                table: "Cases",
                columns: new[] { "CoachId", "Status" });
        }
    }
}
