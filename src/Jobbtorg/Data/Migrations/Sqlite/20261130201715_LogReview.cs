using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jobbtorg.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LogReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccessLogReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReviewedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    EntriesInMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    FlaggedInMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    SampledEntries = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLogReviews", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLogReviews_Month",
                table: "AccessLogReviews",
                column: "Month",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessLogReviews");
        }
    }
}
