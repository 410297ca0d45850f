price€ = 10
