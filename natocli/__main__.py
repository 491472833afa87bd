from natocli.cli import main

main()
